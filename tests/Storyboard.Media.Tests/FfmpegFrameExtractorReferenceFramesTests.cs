using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegFrameExtractorReferenceFramesTests(MediaFiles files)
{
    private const double FrameSeconds = 1 / 25.0;

    [Fact]
    public async Task ExtractAsync_WhenReferenceFramesOnlyOnABFrameClip_ShouldTakeTheFirstReferenceFrameAtOrAfterEachTick()
    {
        var frames = await ExtractAsync(referenceFramesOnly: true, "reference-only");

        // Ticks 0..3 s are frames 0, 25, 50, 75; the references are the multiples of 3: 0, 27, 51, 75.
        Assert.Equal([0, 27, 51, 75], frames.Select(f => (int)Math.Round(f.TimeSeconds / FrameSeconds)));
        Assert.All(frames, f => Assert.Equal(((long)Math.Round(f.TimeSeconds * 1000)) + ".jpg", Path.GetFileName(f.Path)));
    }

    [Fact]
    public async Task ExtractAsync_WhenEveryFrameIsDecoded_ShouldTakeTheFrameOnEachTick()
    {
        var frames = await ExtractAsync(referenceFramesOnly: false, "every-frame");

        Assert.Equal([0, 25, 50, 75], frames.Select(f => (int)Math.Round(f.TimeSeconds / FrameSeconds)));
    }

    private async Task<IReadOnlyList<ExtractedFrame>> ExtractAsync(bool referenceFramesOnly, string folder) =>
        await files.Media.Frames.ExtractAllAsync(
            new FrameExtractionRequest(files.BFrames, new TimeRange(0, 4), FrameSampling.FixedRate(1), files.NewFolder(folder), ReferenceFramesOnly: referenceFramesOnly),
            CancellationToken.None);
}
