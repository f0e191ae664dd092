namespace Storyboard.Aws.Captions;

/// <summary>The captioning model finished without writing any text.</summary>
public sealed class EmptyCaptionOutputException : Exception
{
    public EmptyCaptionOutputException() { }

    public EmptyCaptionOutputException(string message) : base(message) { }

    public EmptyCaptionOutputException(string message, Exception innerException) : base(message, innerException) { }
}
