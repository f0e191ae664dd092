using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>An ffmpeg or ffprobe process ran longer than its time limit and was stopped.</summary>
public sealed class MediaProcessTimeoutException : Exception
{
    public MediaProcessTimeoutException() { }

    public MediaProcessTimeoutException(string message) : base(message) { }

    public MediaProcessTimeoutException(string message, Exception innerException) : base(message, innerException) { }

    public static MediaProcessTimeoutException For(string tool, TimeSpan timeout, string? stderrTail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{tool} did not finish within {timeout.TotalSeconds:0.#} s and was stopped. Use shorter segments or a larger time limit for media steps.")
            + (string.IsNullOrWhiteSpace(stderrTail) ? string.Empty : $" Last output: {stderrTail.Trim()}"));
}
