namespace Storyboard.Core.Storage;

/// <summary>A key that could escape the run folder or that S3 would store under a different name.</summary>
public sealed class InvalidObjectKeyException : Exception
{
    public InvalidObjectKeyException() { }

    public InvalidObjectKeyException(string message) : base(message) { }

    public InvalidObjectKeyException(string message, Exception innerException) : base(message, innerException) { }
}
