namespace Storyboard.Asl.Execution;

/// <summary>Only FAILED, TIMED_OUT or ABORTED executions can be redriven (as in RedriveExecution).</summary>
public sealed class ExecutionNotRedrivableException : Exception
{
    public ExecutionNotRedrivableException() { }

    public ExecutionNotRedrivableException(string message) : base(message) { }

    public ExecutionNotRedrivableException(string message, Exception innerException) : base(message, innerException) { }
}
