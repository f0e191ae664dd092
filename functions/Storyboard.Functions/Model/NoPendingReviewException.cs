namespace Storyboard.Functions.Model;

/// <summary>A decision was given for a run that is not waiting for a dataset review.</summary>
public sealed class NoPendingReviewException : Exception
{
    public NoPendingReviewException() { }

    public NoPendingReviewException(string message) : base(message) { }

    public NoPendingReviewException(string message, Exception innerException) : base(message, innerException) { }
}
