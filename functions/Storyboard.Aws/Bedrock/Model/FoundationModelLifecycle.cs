namespace Storyboard.Aws.Bedrock.Model;

/// <param name="Status">ACTIVE or LEGACY; a LEGACY model accepts no new fine-tuning or provisioned throughput.</param>
public sealed record FoundationModelLifecycle(
    string? Status,
    DateTimeOffset? StartOfLifeTime,
    DateTimeOffset? EndOfLifeTime,
    DateTimeOffset? LegacyTime);
