using System.Globalization;
using System.Text.Json;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary><see cref="IVideoProbe"/> over <c>ffprobe</c>: reads headers only, never decodes frames.</summary>
public sealed class FfprobeVideoProbe(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options) : IVideoProbe
{
    private const long MaxProbeOutputBytes = 4 * 1024 * 1024;

    /// <summary>Formats ffmpeg uses for single still images (a PNG named .mp4 ends up here).</summary>
    private static readonly string[] StillImageFormats = ["image2", "_pipe", "webp", "ico"];

    public async Task<VideoInfo> ProbeAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        MediaInput.EnsureLocalFileExists(source);
        if (!MediaInput.IsUrl(source) && new FileInfo(source).Length == 0)
        {
            throw NotAVideoException.For(source, "the file is empty (0 bytes)");
        }

        string[] arguments = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-i", MediaInput.ToArgument(source)];
        var result = await runner.RunAsync(
            new MediaProcessRequest("ffprobe", locator.Ffprobe, arguments, options.ProbeTimeout, MaxProbeOutputBytes),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw FailureClassifier.Classify("ffprobe", source, "reading the video's headers", result.ExitCode, result.StderrTail);
        }

        var output = JsonSerializer.Deserialize(result.Stdout.Span, MediaJsonContext.Default.ProbeOutput)
            ?? throw MediaProcessFailedException.For("ffprobe", "reading the video's headers", result.ExitCode, "empty JSON output");
        return ToVideoInfo(source, output, result.StderrTail);
    }

    private static VideoInfo ToVideoInfo(string source, ProbeOutput output, string stderrTail)
    {
        var streams = output.Streams ?? [];
        var formatName = output.Format?.FormatName ?? string.Empty;

        // Cover art in a music file is a one-picture "video" stream; it does not make the file a video.
        var video = streams.FirstOrDefault(s => s.CodecType == "video" && s.Disposition?.GetValueOrDefault("attached_pic") != 1);
        if (video is null)
        {
            var audio = streams.FirstOrDefault(s => s.CodecType == "audio");
            throw audio is not null
                ? NotAVideoException.For(source, $"it is an audio-only file ({audio.CodecName ?? "unknown codec"})")
                : NotAVideoException.For(source, $"it has no video stream ({output.Format?.FormatLongName ?? formatName})");
        }

        if (StillImageFormats.Any(f => formatName.Contains(f, StringComparison.Ordinal)))
        {
            throw NotAVideoException.For(source, $"it is a still image ({video.CodecName ?? formatName})");
        }

        if (video.Width is not > 0 || video.Height is not > 0)
        {
            throw CorruptVideoException.For(source, "its video stream has no frame size", stderrTail);
        }

        var duration = Seconds(output.Format?.Duration) ?? Seconds(video.Duration);
        if (duration is not > 0)
        {
            throw CorruptVideoException.For(source, "its duration is unknown", stderrTail);
        }

        var fps = Rate(video.AvgFrameRate) ?? Rate(video.RFrameRate) ?? 0;
        var rotation = Rotation(video);
        var swap = rotation is 90 or 270;
        return new VideoInfo(
            duration.Value,
            fps,
            swap ? video.Height.Value : video.Width.Value,
            swap ? video.Width.Value : video.Height.Value,
            video.CodecName ?? "unknown",
            rotation);
    }

    /// <summary>
    /// Clockwise degrees a player turns the picture. The display matrix (counter-clockwise in
    /// ffprobe's report) wins over the older <c>rotate</c> tag, which is clockwise.
    /// </summary>
    private static int Rotation(ProbeStream video)
    {
        var matrix = video.SideData?.FirstOrDefault(d => d.Rotation is not null && d.SideDataType == "Display Matrix");
        if (matrix?.Rotation is { } counterClockwise)
        {
            return Normalize(-counterClockwise);
        }

        return video.Tags?.TryGetValue("rotate", out var tag) == true
            && double.TryParse(tag, NumberStyles.Float, CultureInfo.InvariantCulture, out var clockwise)
            ? Normalize(clockwise)
            : 0;
    }

    private static int Normalize(double degrees)
    {
        var quarterTurns = (int)Math.Round(degrees / 90.0);
        return ((quarterTurns % 4) + 4) % 4 * 90;
    }

    private static double? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) ? seconds : null;

    private static double? Rate(string? fraction)
    {
        if (fraction is null)
        {
            return null;
        }

        var parts = fraction.Split('/');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && numerator > 0 && denominator > 0)
        {
            return numerator / denominator;
        }

        return null;
    }
}
