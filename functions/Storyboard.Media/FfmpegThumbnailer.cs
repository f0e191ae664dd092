using Storyboard.Core.Imaging;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary>
/// <see cref="IThumbnailer"/>: ffmpeg scales one frame and writes raw <c>rgb24</c> to stdout;
/// showinfo reports the size it chose when the aspect ratio is kept.
/// </summary>
public sealed class FfmpegThumbnailer(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options) : IThumbnailer
{
    public Task<RgbImage> FromImageAsync(string imagePath, ThumbnailSize size, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagePath);
        MediaInput.EnsureLocalFileExists(imagePath);
        return RunAsync(imagePath, ["-f", "image2", "-pattern_type", "none", "-i", MediaInput.ToArgument(imagePath)], size, cancellationToken);
    }

    public Task<RgbImage> FromVideoAsync(string source, double timeSeconds, ThumbnailSize size, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (!double.IsFinite(timeSeconds) || timeSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "Time must be zero or more seconds.");
        }

        MediaInput.EnsureLocalFileExists(source);
        return RunAsync(source, ["-ss", FilterNumber.Format(timeSeconds), "-i", MediaInput.ToArgument(source)], size, cancellationToken);
    }

    private async Task<RgbImage> RunAsync(string source, string[] input, ThumbnailSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(size);
        var scale = size.KeepAspect
            ? $"scale=w={size.Width}:h={size.Height}:force_original_aspect_ratio=decrease:flags=area"
            : $"scale={size.Width}:{size.Height}:flags=area";
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info" };
        arguments.AddRange(input);
        arguments.AddRange(["-map", "0:v:0", "-frames:v", "1", "-vf", scale + ",showinfo", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);

        var parser = new ShowInfoParser();
        ShowInfoFrame? frame = null;
        var result = await runner.RunAsync(
            new MediaProcessRequest("ffmpeg", locator.Ffmpeg, arguments, options.ImageTimeout, (long)size.Width * size.Height * 3)
            {
                StderrLine = line => frame ??= parser.Parse(line),
            },
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw FailureClassifier.Classify("ffmpeg", source, "making a thumbnail", result.ExitCode, result.StderrTail);
        }

        if (frame is null || result.Stdout.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(source), $"\"{source}\" has no frame at the requested time; ask for a time before the end of the video.");
        }

        return new RgbImage(frame.Width, frame.Height, result.Stdout.ToArray());
    }
}
