namespace Storyboard.Functions.Errors;

/// <summary>The written dataset breaks a limit of the base model; the message lists every violation.</summary>
public sealed class InvalidDatasetException : Exception
{
    public InvalidDatasetException()
    {
    }

    public InvalidDatasetException(string message)
        : base(message)
    {
    }

    public InvalidDatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
