namespace Storyboard.Core.Storage;

/// <summary>The store refused a write: a read-only folder, a full disk, missing permissions or a bucket policy.</summary>
public sealed class StoreNotWritableException : Exception
{
    public StoreNotWritableException() { }

    public StoreNotWritableException(string message) : base(message) { }

    public StoreNotWritableException(string message, Exception innerException) : base(message, innerException) { }
}
