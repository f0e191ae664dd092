namespace Storyboard.Core.Models;

/// <summary>The base model is LEGACY (or otherwise not ACTIVE): Bedrock accepts no new fine-tuning job or provisioned throughput for it.</summary>
public sealed class BaseModelRetiredException : Exception
{
    public BaseModelRetiredException() { }

    public BaseModelRetiredException(string message) : base(message) { }

    public BaseModelRetiredException(string message, Exception innerException) : base(message, innerException) { }
}
