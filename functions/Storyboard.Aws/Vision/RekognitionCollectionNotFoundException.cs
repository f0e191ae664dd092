namespace Storyboard.Aws.Vision;

/// <summary>The face collection the references were indexed in no longer exists (or the id points elsewhere).</summary>
public sealed class RekognitionCollectionNotFoundException : Exception
{
    public RekognitionCollectionNotFoundException() { }

    public RekognitionCollectionNotFoundException(string message) : base(message) { }

    public RekognitionCollectionNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
