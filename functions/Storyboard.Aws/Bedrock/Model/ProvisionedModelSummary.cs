namespace Storyboard.Aws.Bedrock.Model;

public sealed record ProvisionedModelSummary(
    string? ProvisionedModelName,
    string? ProvisionedModelArn,
    string? ModelArn,
    string? DesiredModelArn,
    string? FoundationModelArn,
    int? ModelUnits,
    int? DesiredModelUnits,
    string? Status,
    string? CommitmentDuration,
    DateTimeOffset? CommitmentExpirationTime,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastModifiedTime);
