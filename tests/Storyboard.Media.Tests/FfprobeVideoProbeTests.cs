using System.Collections.Concurrent;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfprobeVideoProbeTests(MediaFiles files)
{
    [Fact]
    public async Task ProbeAsync_WhenNormalClip_ShouldReportDurationRateSizeAndCodec()
    {
        var video = await files.Media.Probe.ProbeAsync(files.Normal, CancellationToken.None);

        Assert.Equal(4.0, video.DurationSeconds, 2);
        Assert.Equal(25.0, video.FramesPerSecond, 3);
        Assert.Equal((160, 120), (video.Width, video.Height));
        Assert.Equal("h264", video.Codec);
        Assert.Equal(0, video.RotationDegrees);
    }

    [Fact]
    public async Task ProbeAsync_WhenDisplayMatrixTurnsAQuarter_ShouldSwapDisplayedWidthAndHeight()
    {
        var video = await files.Media.Probe.ProbeAsync(files.Rotated, CancellationToken.None);

        // The matrix written here turns the picture a quarter turn counter-clockwise (checked
        // against ffmpeg's own autorotation), i.e. 270 degrees clockwise.
        Assert.Equal(270, video.RotationDegrees);
        Assert.Equal((120, 160), (video.Width, video.Height));
    }

    [Fact]
    public async Task ProbeAsync_WhenVariableFrameRate_ShouldReportTheAverageRate()
    {
        var video = await files.Media.Probe.ProbeAsync(files.VariableRate, CancellationToken.None);
        var times = await files.FrameTimesAsync(files.VariableRate);

        Assert.Equal(times.Count / video.DurationSeconds, video.FramesPerSecond, 1);
    }

    [Fact]
    public async Task ProbeAsync_WhenSingleFrame_ShouldReportOneFrameDuration()
    {
        var video = await files.Media.Probe.ProbeAsync(files.OneFrame, CancellationToken.None);

        Assert.Equal(0.04, video.DurationSeconds, 3);
    }

    [Fact]
    public async Task ProbeAsync_WhenNameHasSpacesPercentAndNonAscii_ShouldProbe()
    {
        var video = await files.Media.Probe.ProbeAsync(files.OddName, CancellationToken.None);

        Assert.Equal((160, 120), (video.Width, video.Height));
    }

    [Fact]
    public async Task ProbeAsync_WhenAudioOnly_ShouldThrowNotAVideoNamingAudio()
    {
        var error = await Assert.ThrowsAsync<NotAVideoException>(() => files.Media.Probe.ProbeAsync(files.AudioOnly, CancellationToken.None));

        Assert.Contains("audio-only", error.Message, StringComparison.Ordinal);
        Assert.Contains("aac", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenZeroBytes_ShouldThrowNotAVideoSayingEmpty()
    {
        var error = await Assert.ThrowsAsync<NotAVideoException>(() => files.Media.Probe.ProbeAsync(files.Empty, CancellationToken.None));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenTextFileNamedMp4_ShouldThrowNotAVideoSayingText()
    {
        var error = await Assert.ThrowsAsync<NotAVideoException>(() => files.Media.Probe.ProbeAsync(files.TextNamedMp4, CancellationToken.None));

        Assert.Contains("text file", error.Message, StringComparison.Ordinal);
        Assert.Contains("Meeting notes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenStillImageNamedMp4_ShouldThrowNotAVideoSayingImage()
    {
        var error = await Assert.ThrowsAsync<NotAVideoException>(() => files.Media.Probe.ProbeAsync(files.PngNamedMp4, CancellationToken.None));

        Assert.Contains("still image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenMp4IsTruncated_ShouldThrowCorruptVideoWithFfmpegOutput()
    {
        var error = await Assert.ThrowsAsync<CorruptVideoException>(() => files.Media.Probe.ProbeAsync(files.Truncated, CancellationToken.None));

        Assert.Contains("moov atom not found", error.DecoderOutput, StringComparison.Ordinal);
        Assert.Contains("moov atom not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenFileIsMissing_ShouldThrowFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => files.Media.Probe.ProbeAsync(Path.Combine(files.Folder, "absent.mp4"), CancellationToken.None));
    }

    [Fact]
    public async Task ProbeWithinLimitsAsync_WhenLongerThanMaximum_ShouldThrowBeforeAnyFrameIsDecoded()
    {
        var started = new ConcurrentQueue<MediaProcessStarted>();
        var media = new FfmpegMedia(new MediaToolsOptions { ProcessStarted = started.Enqueue });
        var output = files.NewFolder("long");

        async Task ProbeThenExtract()
        {
            // The order a workflow uses: the limit is applied to the probe, extraction never starts.
            await media.Probe.ProbeWithinLimitsAsync(files.ThreeHours, new VideoLimits(MaxDurationSeconds: 3600), CancellationToken.None);
            await foreach (var frame in media.Frames.ExtractAsync(
                new FrameExtractionRequest(files.ThreeHours, new TimeRange(0, 10800), FrameSampling.FixedRate(1), output), CancellationToken.None))
            {
                Assert.Fail("No frame may be decoded from a video over the limit, got " + frame.Path);
            }
        }

        var error = await Assert.ThrowsAsync<VideoTooLongException>(ProbeThenExtract);

        Assert.Equal(10800, error.DurationSeconds, 0);
        Assert.Contains("03:00:00", error.Message, StringComparison.Ordinal);
        var process = Assert.Single(started);
        Assert.Equal("ffprobe", process.Tool);
        Assert.DoesNotContain(process.Arguments, a => a is "-show_frames" or "-count_frames" or "-show_packets");
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task ProbeWithinLimitsAsync_WhenWithinMaximum_ShouldReturnTheVideo()
    {
        var video = await files.Media.Probe.ProbeWithinLimitsAsync(files.ThreeHours, new VideoLimits(4 * 3600), CancellationToken.None);

        Assert.Equal(10800, video.DurationSeconds, 0);
    }
}
