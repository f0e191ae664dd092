namespace Storyboard.Asl.Execution;

/// <summary>A Task state has neither a registered handler nor a mocked response; raised before the execution starts.</summary>
public sealed class MissingTaskHandlerException : Exception
{
    public MissingTaskHandlerException() { }

    public MissingTaskHandlerException(string message) : base(message) { }

    public MissingTaskHandlerException(string message, Exception innerException) : base(message, innerException) { }
}
