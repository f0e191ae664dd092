using System.Collections.Concurrent;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegFrameExtractorDecoderThreadsTests(MediaFiles files)
{
    [Fact]
    public async Task ExtractAsync_WhenDecoderThreadsSet_ShouldPassThemBeforeTheInputAndWriteTheSameFrames()
    {
        var started = new ConcurrentQueue<MediaProcessStarted>();
        var single = new FfmpegMedia(new MediaToolsOptions { DecoderThreads = 1, ProcessStarted = started.Enqueue });
        var automatic = new FfmpegMedia();
        var size = new ThumbnailSize(80, 80, keepAspect: true);
        var oneThread = await single.Frames.ExtractAllAsync(new FrameExtractionRequest(files.Normal, new TimeRange(0, 4), FrameSampling.FixedRate(1), files.NewFolder("threads-1"), WorkingCopy: size), CancellationToken.None);
        var defaults = await automatic.Frames.ExtractAllAsync(new FrameExtractionRequest(files.Normal, new TimeRange(0, 4), FrameSampling.FixedRate(1), files.NewFolder("threads-auto"), WorkingCopy: size), CancellationToken.None);

        var arguments = Assert.Single(started).Arguments.ToList();
        var threads = arguments.IndexOf("-threads");
        Assert.True(threads >= 0 && threads < arguments.IndexOf("-i"), string.Join(' ', arguments));
        Assert.Equal("1", arguments[threads + 1]);
        Assert.Equal(defaults.Select(f => f.TimeSeconds), oneThread.Select(f => f.TimeSeconds));
        foreach (var (a, b) in oneThread.Zip(defaults))
        {
            Assert.Equal(await File.ReadAllBytesAsync(b.Path), await File.ReadAllBytesAsync(a.Path));
            Assert.Equal(await File.ReadAllBytesAsync(b.WorkingCopyPath!), await File.ReadAllBytesAsync(a.WorkingCopyPath!));
        }
    }

    [Fact]
    public async Task ExtractAsync_WhenDecoderThreadsIsZero_ShouldThrowArgumentOutOfRange()
    {
        var media = new FfmpegMedia(new MediaToolsOptions { DecoderThreads = 0 });
        var request = new FrameExtractionRequest(files.Normal, new TimeRange(0, 1), FrameSampling.FixedRate(1), files.NewFolder("threads-0"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => media.Frames.ExtractAllAsync(request, CancellationToken.None));
    }
}
