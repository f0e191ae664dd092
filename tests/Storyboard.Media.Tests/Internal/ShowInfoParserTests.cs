using Storyboard.Media.Internal;

namespace Storyboard.Media.Tests.Internal;

public sealed class ShowInfoParserTests
{
    [Fact]
    public void Parse_WhenFrameLineFollowsConfig_ShouldUseIntegerPtsAndTimeBaseForFullPrecision()
    {
        var parser = new ShowInfoParser();

        Assert.Null(parser.Parse("[Parsed_showinfo_1 @ 0x55] config in time_base: 1/90000, frame_rate: 25/1"));
        var frame = parser.Parse("[Parsed_showinfo_1 @ 0x55] n:  41 pts:1111123456 pts_time:12345.8   pos: 3917 fmt:yuvj420p sar:1/1 s:1280x720 i:P iskey:0 type:P");

        Assert.NotNull(frame);
        Assert.Equal(41, frame.Index);
        Assert.Equal((1280, 720), (frame.Width, frame.Height));
        Assert.Equal(12345.816178, parser.ToSeconds(frame.Pts), 6);
    }

    [Fact]
    public void Parse_WhenLineIsNotFromShowinfo_ShouldReturnNull()
    {
        var parser = new ShowInfoParser();

        Assert.Null(parser.Parse("Stream #0:0: Video: h264, n:   0 pts: 5 s:10x10"));
        Assert.Null(parser.Parse("[Parsed_showinfo_1 @ 0x55] color_range:unknown color_space:unknown"));
    }
}
