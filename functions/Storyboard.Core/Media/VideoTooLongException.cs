using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>The video is longer than the run accepts; refused before any frame is decoded.</summary>
public sealed class VideoTooLongException : Exception
{
    public VideoTooLongException() { }

    public VideoTooLongException(string message) : base(message) { }

    public VideoTooLongException(string message, Exception innerException) : base(message, innerException) { }

    public double DurationSeconds { get; private init; }

    public double MaxDurationSeconds { get; private init; }

    public static VideoTooLongException For(string source, double durationSeconds, double maxDurationSeconds) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{source}\" lasts {TimeSpan.FromSeconds(Math.Round(durationSeconds)):c}, longer than the allowed {TimeSpan.FromSeconds(Math.Round(maxDurationSeconds)):c}. ")
            + "Trim the video (ffmpeg -ss START -t LENGTH -i in -c copy out.mp4) or raise the maximum duration in the run configuration.")
        {
            DurationSeconds = durationSeconds,
            MaxDurationSeconds = maxDurationSeconds,
        };
}
