namespace Storyboard.Aws.Http;

/// <summary>The endpoint could not be reached or dropped the connection, on every attempt.</summary>
public sealed class AwsConnectionException : Exception
{
    public AwsConnectionException() { }

    public AwsConnectionException(string message) : base(message) { }

    public AwsConnectionException(string message, Exception innerException) : base(message, innerException) { }
}
