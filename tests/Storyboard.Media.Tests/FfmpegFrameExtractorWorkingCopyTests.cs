using Storyboard.Core.Imaging;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegFrameExtractorWorkingCopyTests(MediaFiles files)
{
    [Fact]
    public async Task ExtractAsync_WhenWorkingCopyRequested_ShouldWriteAScaledPngBesideEachJpeg()
    {
        var output = files.NewFolder("working 100%");
        var request = new FrameExtractionRequest(files.Normal, new TimeRange(0, 4), FrameSampling.FixedRate(1), output, WorkingCopy: new ThumbnailSize(80, 80, keepAspect: true));

        var frames = await files.Media.Frames.ExtractAllAsync(request, CancellationToken.None);

        Assert.Equal([0.0, 1.0, 2.0, 3.0], frames.Select(f => f.TimeSeconds));
        foreach (var frame in frames)
        {
            Assert.Equal(Path.ChangeExtension(frame.Path, ".png"), frame.WorkingCopyPath);
            var copy = PngDecoder.Decode(await File.ReadAllBytesAsync(frame.WorkingCopyPath!)).ToRgb();
            Assert.Equal((80, 60), (copy.Width, copy.Height));

            // The same picture as ffmpeg scaling the JPEG: only JPEG loss tells them apart.
            var fromJpeg = await files.Media.Thumbnails.FromImageAsync(frame.Path, new ThumbnailSize(80, 80, keepAspect: true), CancellationToken.None);
            Assert.True(MeanAbsoluteDifference(copy, fromJpeg) < 6, $"frame at {frame.TimeSeconds} s differs from its JPEG");
        }

        Assert.False(Directory.Exists(Path.Combine(output, "working")) && Directory.EnumerateFiles(Path.Combine(output, "working")).Any());
    }

    [Fact]
    public async Task ExtractAsync_WhenNoWorkingCopyRequested_ShouldWriteJpegsOnly()
    {
        var output = files.NewFolder("no-working");

        var frames = await files.Media.Frames.ExtractAllAsync(new FrameExtractionRequest(files.Normal, new TimeRange(0, 2), FrameSampling.FixedRate(1), output), CancellationToken.None);

        Assert.All(frames, f => Assert.Null(f.WorkingCopyPath));
        Assert.All(Directory.GetFiles(output), f => Assert.EndsWith(".jpg", f, StringComparison.Ordinal));
    }

    private static double MeanAbsoluteDifference(RgbImage a, RgbImage b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        long sum = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
        }

        return (double)sum / a.Pixels.Length;
    }
}
