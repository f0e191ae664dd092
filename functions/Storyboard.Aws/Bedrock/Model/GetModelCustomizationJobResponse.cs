namespace Storyboard.Aws.Bedrock.Model;

/// <param name="Status">InProgress, Completed, Failed, Stopping or Stopped.</param>
public sealed record GetModelCustomizationJobResponse(
    string? JobArn,
    string? JobName,
    string? OutputModelName,
    string? OutputModelArn,
    string? ClientRequestToken,
    string? RoleArn,
    string? Status,
    StatusDetails? StatusDetails,
    string? FailureMessage,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastModifiedTime,
    DateTimeOffset? EndTime,
    string? BaseModelArn,
    IReadOnlyDictionary<string, string>? HyperParameters,
    TrainingDataConfig? TrainingDataConfig,
    ValidationDataConfig? ValidationDataConfig,
    OutputDataConfig? OutputDataConfig,
    string? CustomizationType,
    string? OutputModelKmsKeyArn,
    TrainingMetrics? TrainingMetrics,
    IReadOnlyList<ValidatorMetric>? ValidationMetrics);
