namespace Storyboard.Functions.Errors;

/// <summary>The execution input does not say which video to process, or says it in a way that cannot be used.</summary>
public sealed class InvalidExecutionInputException : Exception
{
    public InvalidExecutionInputException()
    {
    }

    public InvalidExecutionInputException(string message)
        : base(message)
    {
    }

    public InvalidExecutionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
