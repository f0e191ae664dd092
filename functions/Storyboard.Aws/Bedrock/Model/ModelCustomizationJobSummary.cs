namespace Storyboard.Aws.Bedrock.Model;

public sealed record ModelCustomizationJobSummary(
    string? JobArn,
    string? BaseModelArn,
    string? JobName,
    string? Status,
    StatusDetails? StatusDetails,
    DateTimeOffset? LastModifiedTime,
    DateTimeOffset? CreationTime,
    DateTimeOffset? EndTime,
    string? CustomModelArn,
    string? CustomModelName,
    string? CustomizationType);
