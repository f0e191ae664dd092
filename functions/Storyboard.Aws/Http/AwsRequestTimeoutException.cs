namespace Storyboard.Aws.Http;

/// <summary>An AWS call got no complete response within its timeout, on every attempt.</summary>
public sealed class AwsRequestTimeoutException : TimeoutException
{
    public AwsRequestTimeoutException() { }

    public AwsRequestTimeoutException(string message) : base(message) { }

    public AwsRequestTimeoutException(string message, Exception innerException) : base(message, innerException) { }

    public static AwsRequestTimeoutException For(string service, string operation, TimeSpan timeout, int attempts, Exception? inner) =>
        new($"{service} {operation} did not answer within {timeout.TotalSeconds:0.###} s ({attempts} attempt(s)). "
            + "The service may be slow or unreachable; raise the timeout for long-running calls such as image generation.", inner!);
}
