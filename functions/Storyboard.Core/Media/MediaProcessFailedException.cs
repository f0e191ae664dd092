using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>An ffmpeg or ffprobe process failed for a reason that is not about the input video itself.</summary>
public sealed class MediaProcessFailedException : Exception
{
    public MediaProcessFailedException() { }

    public MediaProcessFailedException(string message) : base(message) { }

    public MediaProcessFailedException(string message, Exception innerException) : base(message, innerException) { }

    public int ExitCode { get; private init; }

    /// <summary>The tail of the process's error output.</summary>
    public string? ErrorOutput { get; private init; }

    public static MediaProcessFailedException For(string tool, string what, int exitCode, string? stderrTail) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{tool} failed while {what} (exit code {exitCode}).")
            + (string.IsNullOrWhiteSpace(stderrTail) ? string.Empty : $" It said: {stderrTail.Trim()}"))
        {
            ExitCode = exitCode,
            ErrorOutput = stderrTail,
        };
}
