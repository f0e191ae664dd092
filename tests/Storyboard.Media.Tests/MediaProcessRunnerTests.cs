using System.Collections.Concurrent;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class MediaProcessRunnerTests(MediaFiles files)
{
    /// <summary>Generates frames forever: only a kill ends it.</summary>
    private static readonly string[] Endless = ["-nostdin", "-hide_banner", "-f", "lavfi", "-i", "testsrc2=s=32x32", "-f", "null", "-"];

    [Fact]
    public async Task RunAsync_WhenTimeoutPasses_ShouldKillTheProcessAndThrowTimeout()
    {
        var (runner, started) = Runner();

        var error = await Assert.ThrowsAsync<MediaProcessTimeoutException>(() =>
            runner.RunAsync(new MediaProcessRequest("ffmpeg", files.Media.Locator.Ffmpeg, Endless, TimeSpan.FromSeconds(1), 0), CancellationToken.None));

        Assert.Contains("did not finish within 1 s", error.Message, StringComparison.Ordinal);
        FfmpegFrameExtractorTests.AssertExited(Assert.Single(started).ProcessId);
    }

    [Fact]
    public async Task RunAsync_WhenCancelled_ShouldKillTheProcessAndThrowOperationCanceled()
    {
        var (runner, started) = Runner();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunAsync(new MediaProcessRequest("ffmpeg", files.Media.Locator.Ffmpeg, Endless, TimeSpan.FromMinutes(1), 0), cancel.Token));

        FfmpegFrameExtractorTests.AssertExited(Assert.Single(started).ProcessId);
    }

    [Fact]
    public async Task RunAsync_WhenStdoutExceedsTheCap_ShouldKillTheProcessAndThrowOutputTooLarge()
    {
        var (runner, started) = Runner();
        string[] endlessRaw = ["-nostdin", "-hide_banner", "-f", "lavfi", "-i", "testsrc2=s=32x32", "-f", "rawvideo", "-"];

        await Assert.ThrowsAsync<MediaOutputTooLargeException>(() =>
            runner.RunAsync(new MediaProcessRequest("ffmpeg", files.Media.Locator.Ffmpeg, endlessRaw, TimeSpan.FromMinutes(1), 100_000), CancellationToken.None));

        FfmpegFrameExtractorTests.AssertExited(Assert.Single(started).ProcessId);
    }

    [Fact]
    public async Task RunAsync_WhenToolFails_ShouldReturnExitCodeAndStderrTail()
    {
        var (runner, _) = Runner();

        var result = await runner.RunAsync(
            new MediaProcessRequest("ffprobe", files.Media.Locator.Ffprobe, ["-v", "error", "-i", "file:" + Path.Combine(files.Folder, "nothing here.mp4")], TimeSpan.FromSeconds(30), 1000),
            CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No such file or directory", result.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WhenBinaryIsMissing_ShouldThrowFfmpegMissingWithInstallAdvice()
    {
        var (runner, _) = Runner();

        var error = await Assert.ThrowsAsync<FfmpegMissingException>(() =>
            runner.RunAsync(new MediaProcessRequest("ffmpeg", "/nonexistent/bin/ffmpeg", ["-version"], TimeSpan.FromSeconds(5), 1000), CancellationToken.None));

        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);
        Assert.Contains("/opt/bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WhenFfprobePathPointsNowhere_ShouldThrowFfmpegMissing()
    {
        var options = new MediaToolsOptions();
        var locator = new MediaToolLocator(options, name => name == "FFPROBE_PATH" ? "/nonexistent/ffprobe" : null);
        var probe = new FfprobeVideoProbe(locator, new MediaProcessRunner(), options);

        await Assert.ThrowsAsync<FfmpegMissingException>(() => probe.ProbeAsync(files.Normal, CancellationToken.None));
    }

    private static (MediaProcessRunner Runner, ConcurrentQueue<MediaProcessStarted> Started) Runner()
    {
        var started = new ConcurrentQueue<MediaProcessStarted>();
        return (new MediaProcessRunner(started.Enqueue), started);
    }
}
