namespace Storyboard.Core.Storage;

/// <summary>
/// Two keys that S3 keeps apart but a folder cannot (<c>a/b</c> beside an object <c>a</c>);
/// the run layout never produces them, so meeting one means a key was built by hand.
/// </summary>
public sealed class ObjectKeyConflictException : Exception
{
    public ObjectKeyConflictException() { }

    public ObjectKeyConflictException(string message) : base(message) { }

    public ObjectKeyConflictException(string message, Exception innerException) : base(message, innerException) { }
}
