namespace Storyboard.Core.Models;

/// <summary>The run config names a base model profile this build does not know.</summary>
public sealed class UnknownModelProfileException : Exception
{
    public UnknownModelProfileException() { }

    public UnknownModelProfileException(string message) : base(message) { }

    public UnknownModelProfileException(string message, Exception innerException) : base(message, innerException) { }
}
