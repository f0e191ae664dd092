namespace Storyboard.Aws.Http;

/// <summary>No region or no credentials could be found; the message says where they are looked for.</summary>
public sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException() { }

    public AwsConfigurationException(string message) : base(message) { }

    public AwsConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
