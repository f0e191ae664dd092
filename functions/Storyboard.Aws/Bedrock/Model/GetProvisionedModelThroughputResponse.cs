namespace Storyboard.Aws.Bedrock.Model;

/// <param name="Status">Creating, InService, Updating or Failed.</param>
public sealed record GetProvisionedModelThroughputResponse(
    int? ModelUnits,
    int? DesiredModelUnits,
    string? ProvisionedModelName,
    string? ProvisionedModelArn,
    string? ModelArn,
    string? DesiredModelArn,
    string? FoundationModelArn,
    string? Status,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastModifiedTime,
    string? FailureMessage,
    string? CommitmentDuration,
    DateTimeOffset? CommitmentExpirationTime);
