using System.Collections.Concurrent;
using System.Diagnostics;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegFrameExtractorTests(MediaFiles files)
{
    private const double Tolerance = 1e-6;

    [Fact]
    public async Task ExtractAsync_WhenFixedRateOnConstantRateClip_ShouldWriteOneJpegPerSecondNamedByMilliseconds()
    {
        var output = files.NewFolder("normal");

        var frames = await Extract(files.Normal, new TimeRange(0, 4), FrameSampling.FixedRate(1), output);

        Assert.Equal([0.0, 1.0, 2.0, 3.0], frames.Select(f => f.TimeSeconds));
        Assert.Equal(["0.jpg", "1000.jpg", "2000.jpg", "3000.jpg"], Directory.GetFiles(output).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
        Assert.All(frames, f => Assert.Equal((160, 120), (f.Width, f.Height)));
        foreach (var frame in frames)
        {
            var bytes = await File.ReadAllBytesAsync(frame.Path);
            Assert.Equal([0xFF, 0xD8], bytes[..2]);
            Assert.Equal([0xFF, 0xD9], bytes[^2..]);
        }
    }

    [Fact]
    public async Task ExtractAsync_WhenVariableFrameRate_ShouldRecordEachPickedFramesTruePresentationTime()
    {
        var truth = await files.FrameTimesAsync(files.VariableRate);
        var segment = new TimeRange(0, 6.2);

        var frames = await Extract(files.VariableRate, segment, FrameSampling.FixedRate(2), files.NewFolder("vfr"));

        // Expected: for each half-second tick the first real frame at or after it, with its own time.
        var expected = FirstFramePerTick(truth, segment, 2);
        Assert.Equal(expected.Count, frames.Count);
        Assert.All(expected.Zip(frames), pair => Assert.Equal(pair.First, pair.Second.TimeSeconds, Tolerance));
        Assert.Contains(frames, f => Math.Abs(f.TimeSeconds - 1.048) < Tolerance);
        Assert.Contains(frames, f => f.TimeSeconds % 0.5 > 0.01);
        Assert.All(frames, f => Assert.Equal(((long)Math.Round(f.TimeSeconds * 1000)) + ".jpg", Path.GetFileName(f.Path)));
    }

    [Fact]
    public async Task ExtractAsync_WhenSegmentsShareABoundaryFrame_ShouldPutItInExactlyOneSegmentWithoutGaps()
    {
        var truth = await files.FrameTimesAsync(files.VariableRate);
        double[] bounds = [0, 1.048, 2.1, 3.5, 6.2]; // 1.048 is a real frame's time
        var all = new List<ExtractedFrame>();
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            var segment = new TimeRange(bounds[i], bounds[i + 1]);
            var frames = await Extract(files.VariableRate, segment, FrameSampling.FixedRate(3), files.NewFolder("seg" + i));
            Assert.All(frames, f => Assert.True(segment.Contains(f.TimeSeconds), $"{f.TimeSeconds} outside {segment}"));
            var expected = FirstFramePerTick(truth, segment, 3);
            Assert.Equal(expected.Count, frames.Count);
            Assert.All(expected.Zip(frames), pair => Assert.Equal(pair.First, pair.Second.TimeSeconds, Tolerance));
            all.AddRange(frames);
        }

        Assert.Single(all, f => Math.Abs(f.TimeSeconds - 1.048) < Tolerance);
        Assert.Equal(all.Count, all.Select(f => f.TimeSeconds).Distinct().Count());
    }

    [Fact]
    public async Task ExtractAsync_WhenSceneAware_ShouldPickTheCutsIncludingOneOnTheSegmentBoundary()
    {
        var sampling = FrameSampling.SceneChange(threshold: 0.3, minSpacingSeconds: 0.5);

        var first = await Extract(files.Scenes, new TimeRange(0, 3.2), sampling, files.NewFolder("scene1"));
        var second = await Extract(files.Scenes, new TimeRange(3.2, 4.8), sampling, files.NewFolder("scene2"));

        Assert.Equal([1.6], first.Select(f => f.TimeSeconds));
        Assert.Equal([3.2], second.Select(f => f.TimeSeconds));
    }

    [Fact]
    public async Task ExtractAsync_WhenTimestampsDoNotStartAtZero_ShouldCountFromTheStartOfTheVideo()
    {
        var first = await Extract(files.OffsetStart, new TimeRange(0, 2), FrameSampling.FixedRate(1), files.NewFolder("ts1"));
        var second = await Extract(files.OffsetStart, new TimeRange(2, 4), FrameSampling.FixedRate(1), files.NewFolder("ts2"));

        Assert.Equal([0.0, 1.0], first.Select(f => f.TimeSeconds));
        Assert.Equal([2.0, 3.0], second.Select(f => f.TimeSeconds));
    }

    [Fact]
    public async Task ExtractAsync_WhenOneFrameVideo_ShouldWriteThatFrame()
    {
        var frames = await Extract(files.OneFrame, new TimeRange(0, 1), FrameSampling.FixedRate(1), files.NewFolder("one"));

        var frame = Assert.Single(frames);
        Assert.Equal(0, frame.TimeSeconds);
        Assert.True(File.Exists(frame.Path));
    }

    [Fact]
    public async Task ExtractAsync_WhenRotatedClip_ShouldWriteDisplayedOrientation()
    {
        var frames = await Extract(files.Rotated, new TimeRange(1, 2), FrameSampling.FixedRate(1), files.NewFolder("rot"));

        var frame = Assert.Single(frames);
        Assert.Equal(1.0, frame.TimeSeconds);
        Assert.Equal((120, 160), (frame.Width, frame.Height));
    }

    [Fact]
    public async Task ExtractAsync_WhenNameHasSpacesPercentAndNonAscii_ShouldExtract()
    {
        var frames = await Extract(files.OddName, new TimeRange(2, 4), FrameSampling.FixedRate(1), files.NewFolder("odd name ü"));

        Assert.Equal([2.0, 3.0], frames.Select(f => f.TimeSeconds));
    }

    [Fact]
    public async Task ExtractAsync_WhenTextFileNamedMp4_ShouldThrowNotAVideo()
    {
        await Assert.ThrowsAsync<NotAVideoException>(() => Extract(files.TextNamedMp4, new TimeRange(0, 1), FrameSampling.FixedRate(1), files.NewFolder("text")));
    }

    [Fact]
    public async Task ExtractAsync_WhenMp4IsTruncated_ShouldThrowCorruptVideo()
    {
        await Assert.ThrowsAsync<CorruptVideoException>(() => Extract(files.Truncated, new TimeRange(0, 1), FrameSampling.FixedRate(1), files.NewFolder("trunc")));
    }

    [Fact]
    public async Task ExtractAsync_WhenFileEndsBeforeTheSegment_ShouldThrowCorruptVideo()
    {
        var error = await Assert.ThrowsAsync<CorruptVideoException>(() => Extract(files.TruncatedFastStart, new TimeRange(0, 4), FrameSampling.FixedRate(1), files.NewFolder("cut")));

        Assert.Contains("partial file", error.DecoderOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_WhenSegmentLiesInTheIntactPartOfATruncatedFile_ShouldSucceed()
    {
        var frames = await Extract(files.TruncatedFastStart, new TimeRange(0, 1), FrameSampling.FixedRate(1), files.NewFolder("intact"));

        Assert.Equal([0.0], frames.Select(f => f.TimeSeconds));
    }

    [Fact]
    public async Task ExtractAsync_WhenCallerStopsEarly_ShouldStopTheDecoder()
    {
        var started = new ConcurrentQueue<MediaProcessStarted>();
        var media = new FfmpegMedia(new MediaToolsOptions { ProcessStarted = started.Enqueue });
        var request = new FrameExtractionRequest(files.ThreeHours, new TimeRange(0, 10800), FrameSampling.FixedRate(1), files.NewFolder("early"));

        await foreach (var frame in media.Frames.ExtractAsync(request, CancellationToken.None))
        {
            Assert.Equal(0, frame.TimeSeconds);
            break;
        }

        AssertExited(Assert.Single(started).ProcessId);
    }

    [Fact]
    public async Task ExtractAsync_WhenCancelled_ShouldThrowOperationCanceledAndStopTheDecoder()
    {
        var started = new ConcurrentQueue<MediaProcessStarted>();
        var media = new FfmpegMedia(new MediaToolsOptions { ProcessStarted = started.Enqueue });
        var request = new FrameExtractionRequest(files.ThreeHours, new TimeRange(0, 10800), FrameSampling.FixedRate(1), files.NewFolder("cancel"));
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var frame in media.Frames.ExtractAsync(request, cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        AssertExited(Assert.Single(started).ProcessId);
    }

    internal static void AssertExited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            Assert.True(process.HasExited, $"process {processId} still runs");
        }
        catch (ArgumentException)
        {
            // Gone entirely.
        }
    }

    private static List<double> FirstFramePerTick(IReadOnlyList<double> truth, TimeRange segment, double fps) =>
        truth.Where(t => t >= segment.StartSeconds - Tolerance && t < segment.EndSeconds - Tolerance)
            .GroupBy(t => Math.Floor(((t - segment.StartSeconds) * fps) + Tolerance))
            .Select(g => g.Min())
            .Order()
            .ToList();

    private async Task<IReadOnlyList<ExtractedFrame>> Extract(string source, TimeRange segment, FrameSampling sampling, string output) =>
        await files.Media.Frames.ExtractAllAsync(new FrameExtractionRequest(source, segment, sampling, output), CancellationToken.None);
}
