namespace Storyboard.Core.Errors;

/// <summary>
/// A service stayed throttled or unavailable after the client's own retries. Its name is the one
/// error the workflow's Retry blocks treat as transient besides Lambda's own, so the step is
/// tried again later instead of failing the run.
/// </summary>
public sealed class TransientServiceException : Exception
{
    public TransientServiceException() { }

    public TransientServiceException(string message) : base(message) { }

    public TransientServiceException(string message, Exception innerException) : base(message, innerException) { }
}
