namespace Storyboard.Core.Runs;

/// <summary>A run id that cannot name a run folder, an execution and a model at the same time.</summary>
public sealed class InvalidRunIdException : Exception
{
    public InvalidRunIdException() { }

    public InvalidRunIdException(string message) : base(message) { }

    public InvalidRunIdException(string message, Exception innerException) : base(message, innerException) { }
}
