namespace Storyboard.Aws.Vision;

/// <summary>The role this runs as may not make a Rekognition call the detector needs; the message names the permission.</summary>
public sealed class RekognitionAccessDeniedException : Exception
{
    public RekognitionAccessDeniedException() { }

    public RekognitionAccessDeniedException(string message) : base(message) { }

    public RekognitionAccessDeniedException(string message, Exception innerException) : base(message, innerException) { }
}
