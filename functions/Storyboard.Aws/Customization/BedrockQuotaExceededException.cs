namespace Storyboard.Aws.Customization;

/// <summary>A Bedrock quota stops the call (concurrent customization jobs, model units of provisioned throughput); raise it in Service Quotas or wait for other jobs to end.</summary>
public sealed class BedrockQuotaExceededException : Exception
{
    public BedrockQuotaExceededException() { }

    public BedrockQuotaExceededException(string message) : base(message) { }

    public BedrockQuotaExceededException(string message, Exception innerException) : base(message, innerException) { }
}
