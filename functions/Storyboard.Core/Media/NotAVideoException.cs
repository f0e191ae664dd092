using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>The input holds no video stream: an audio file, a still image, a text file or an empty file.</summary>
public sealed class NotAVideoException : Exception
{
    public NotAVideoException() { }

    public NotAVideoException(string message) : base(message) { }

    public NotAVideoException(string message, Exception innerException) : base(message, innerException) { }

    /// <param name="what">What the input is, when known, e.g. "an audio-only file (mp3)".</param>
    public static NotAVideoException For(string source, string what) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"\"{source}\" is not a video: {what}. Upload a video file (for example MP4 with H.264) instead."));
}
