namespace Storyboard.Asl.Execution;

/// <summary>No callback task is waiting for this token (it finished, timed out, or was never issued here).</summary>
public sealed class TaskTokenNotFoundException : Exception
{
    public TaskTokenNotFoundException() { }

    public TaskTokenNotFoundException(string message) : base(message) { }

    public TaskTokenNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
