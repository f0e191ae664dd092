namespace Storyboard.Core.Vision;

/// <summary>A file in a character's reference folder cannot be used as a reference image.</summary>
public sealed class InvalidReferenceImageException : Exception
{
    public InvalidReferenceImageException(string character, string fileName, string reason, Exception? innerException = null)
        : base($"Reference image '{fileName}' of character '{character}' cannot be used: {reason}. Replace it with a PNG (ideally with a transparent background) or a JPEG of the character.", innerException)
    {
        Character = character;
        FileName = fileName;
        Reason = reason;
    }

    public InvalidReferenceImageException()
        : this(string.Empty, string.Empty, "unknown")
    {
    }

    public InvalidReferenceImageException(string message)
        : base(message)
    {
        Character = string.Empty;
        FileName = string.Empty;
        Reason = message;
    }

    public InvalidReferenceImageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Character = string.Empty;
        FileName = string.Empty;
        Reason = message;
    }

    public string Character { get; }

    public string FileName { get; }

    public string Reason { get; }
}
