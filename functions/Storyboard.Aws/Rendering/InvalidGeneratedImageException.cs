namespace Storyboard.Aws.Rendering;

/// <summary>The image model answered, but not with PNG images: an unreadable body, no images, bad base64 or another format.</summary>
public sealed class InvalidGeneratedImageException : Exception
{
    public InvalidGeneratedImageException() { }

    public InvalidGeneratedImageException(string message) : base(message) { }

    public InvalidGeneratedImageException(string message, Exception innerException) : base(message, innerException) { }
}
