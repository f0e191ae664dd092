namespace Storyboard.Aws.Rekognition;

/// <summary>An image Rekognition would reject, caught before a paid call: no source, two sources, or too many bytes.</summary>
public sealed class InvalidRekognitionImageException : Exception
{
    public InvalidRekognitionImageException() { }

    public InvalidRekognitionImageException(string message) : base(message) { }

    public InvalidRekognitionImageException(string message, Exception innerException) : base(message, innerException) { }
}
