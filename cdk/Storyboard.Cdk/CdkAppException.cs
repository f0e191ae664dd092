namespace Storyboard.Cdk;

/// <summary>
/// Base of the errors the CDK app reports as a plain message (no stack trace): each one tells the
/// user what to run or change before synthesizing again.
/// </summary>
public abstract class CdkAppException : Exception
{
    protected CdkAppException(string message)
        : base(message)
    {
    }

    protected CdkAppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
