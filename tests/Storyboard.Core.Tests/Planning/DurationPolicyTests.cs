using Storyboard.Core.Media;
using Storyboard.Core.Planning;

namespace Storyboard.Core.Tests.Planning;

public class DurationPolicyTests
{
    private static VideoInfo Video(double seconds) => new(seconds, 25, 640, 360, "h264", 0);

    [Fact]
    public void Check_WhenWithinLimit_ShouldAllow()
    {
        Assert.True(DurationPolicy.Check(Video(3600), 3600).IsAllowed);
    }

    [Fact]
    public void Check_WhenLongerThanLimit_ShouldSayByHowMuchAndWhatToChange()
    {
        var check = DurationPolicy.Check(Video(3725), 3600);

        Assert.False(check.IsAllowed);
        Assert.Contains("1:02:05", check.Problem, StringComparison.Ordinal);
        Assert.Contains("maxVideoSeconds", check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Check_WhenDurationUnknown_ShouldRefuse(double seconds)
    {
        var check = DurationPolicy.Check(Video(seconds), 3600);

        Assert.False(check.IsAllowed);
        Assert.Contains("duration", check.Problem, StringComparison.Ordinal);
    }
}
