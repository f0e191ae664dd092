namespace Storyboard.Cli.Stack;

/// <summary>An expected problem with the stack, the arguments or the run, whose message says what to do.</summary>
public sealed class StackProblemException : Exception
{
    public StackProblemException() { }

    public StackProblemException(string message) : base(message) { }

    public StackProblemException(string message, Exception innerException) : base(message, innerException) { }
}
