namespace Storyboard.Core.Models;

/// <summary>The catalog does not offer the base model in this region or account.</summary>
public sealed class BaseModelNotAvailableException : Exception
{
    public BaseModelNotAvailableException() { }

    public BaseModelNotAvailableException(string message) : base(message) { }

    public BaseModelNotAvailableException(string message, Exception innerException) : base(message, innerException) { }
}
