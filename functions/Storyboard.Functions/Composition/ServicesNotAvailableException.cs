namespace Storyboard.Functions.Composition;

/// <summary>The process environment does not describe a usable set of services.</summary>
public sealed class ServicesNotAvailableException : Exception
{
    public ServicesNotAvailableException()
    {
    }

    public ServicesNotAvailableException(string message)
        : base(message)
    {
    }

    public ServicesNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
