namespace Storyboard.Asl.Execution;

/// <summary>
/// A Step Functions error: <see cref="Error"/> is the name Retry and Catch match on
/// (e.g. <c>States.Timeout</c>, <c>NotAVideoException</c>), <see cref="Cause"/> the text shown with it.
/// </summary>
public sealed class StatesErrorException : Exception
{
    public StatesErrorException() : this(StatesErrors.Runtime, string.Empty) { }

    public StatesErrorException(string message) : this(StatesErrors.Runtime, message) { }

    public StatesErrorException(string message, Exception innerException) : base(message, innerException)
    {
        Error = StatesErrors.Runtime;
        Cause = message;
    }

    public StatesErrorException(string error, string cause) : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string Cause { get; }

    /// <summary>Where to resume on redrive; filled in as the failure unwinds through nested states.</summary>
    internal RedrivePoint? RedrivePoint { get; set; }

    /// <summary>
    /// States.Runtime and States.DataLimitExceeded end the execution: neither Retry nor Catch
    /// (not even States.ALL, nor naming them) handles them in Step Functions.
    /// </summary>
    public bool IsTerminal => Error is StatesErrors.Runtime or StatesErrors.DataLimitExceeded;
}
