namespace Storyboard.Cdk.Functions;

/// <summary><c>dotnet publish</c> of the functions failed while bundling their code; the message carries its last output lines.</summary>
public sealed class FunctionPublishFailedException : CdkAppException
{
    public FunctionPublishFailedException(string message)
        : base(message)
    {
    }

    public FunctionPublishFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
