using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>ffmpeg or ffprobe cannot be found or started, so no video can be read.</summary>
public sealed class FfmpegMissingException : Exception
{
    public FfmpegMissingException() { }

    public FfmpegMissingException(string message) : base(message) { }

    public FfmpegMissingException(string message, Exception innerException) : base(message, innerException) { }

    public static FfmpegMissingException For(string tool, string searched, Exception? innerException = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{tool} was not found or could not be started (looked in: {searched}). Install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg), "
            + $"set FFMPEG_PATH and FFPROBE_PATH to the binaries, or on AWS Lambda attach the ffmpeg layer, which puts them in /opt/bin.");
        return innerException is null ? new FfmpegMissingException(message) : new FfmpegMissingException(message, innerException);
    }
}
