namespace Storyboard.Aws.Bedrock.Model;

/// <param name="ModelId">The custom model ARN (or foundation model id) to serve.</param>
/// <param name="ClientRequestToken">Makes the purchase idempotent across retries and redrives.</param>
/// <param name="CommitmentDuration">OneMonth or SixMonths; null for no commitment (hourly).</param>
public sealed record CreateProvisionedModelThroughputRequest(
    int ModelUnits,
    string ProvisionedModelName,
    string ModelId,
    string? ClientRequestToken = null,
    string? CommitmentDuration = null,
    IReadOnlyList<Tag>? Tags = null);
