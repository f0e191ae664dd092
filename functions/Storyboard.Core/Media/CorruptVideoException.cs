using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>The input looks like a video but cannot be read or decoded, e.g. a truncated upload.</summary>
public sealed class CorruptVideoException : Exception
{
    public CorruptVideoException() { }

    public CorruptVideoException(string message) : base(message) { }

    public CorruptVideoException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The tail of the decoder's own error output, kept for diagnosis.</summary>
    public string? DecoderOutput { get; private init; }

    public static CorruptVideoException For(string source, string reason, string? decoderOutput) =>
        new($"\"{source}\" looks like a video but cannot be read: {reason}. If the upload was interrupted, upload the file again; otherwise re-encode it (ffmpeg -i in -c:v libx264 out.mp4)."
            + (string.IsNullOrWhiteSpace(decoderOutput) ? string.Empty : $" ffmpeg said: {decoderOutput.Trim()}"))
        {
            DecoderOutput = decoderOutput,
        };
}
