namespace Storyboard.Core.Models;

/// <summary>Bedrock's FoundationModelLifecycleStatus values.</summary>
public static class FoundationModelLifecycleStatus
{
    /// <summary>Available for new fine-tuning jobs and provisioned throughput.</summary>
    public const string Active = "ACTIVE";

    /// <summary>Retiring: existing uses go on until end of life, but no new fine-tuning job or provisioned throughput is accepted.</summary>
    public const string Legacy = "LEGACY";
}
