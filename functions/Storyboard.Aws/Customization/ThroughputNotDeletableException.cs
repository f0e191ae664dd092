namespace Storyboard.Aws.Customization;

/// <summary>Bedrock refuses to delete the provisioned throughput, typically because its commitment term has not ended; it stays billed until then.</summary>
public sealed class ThroughputNotDeletableException : Exception
{
    public ThroughputNotDeletableException() { }

    public ThroughputNotDeletableException(string message) : base(message) { }

    public ThroughputNotDeletableException(string message, Exception innerException) : base(message, innerException) { }
}
