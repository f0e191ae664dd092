namespace Storyboard.Aws.Bedrock.Model;

/// <param name="ClientRequestToken">
/// Makes the call idempotent: a retry or a redriven workflow with the same token gets the same job
/// instead of a second paid one. Derive it from the run id.
/// </param>
/// <param name="HyperParameters">String values, e.g. epochCount/stepCount, batchSize, learningRate.</param>
public sealed record CreateModelCustomizationJobRequest(
    string JobName,
    string CustomModelName,
    string RoleArn,
    string BaseModelIdentifier,
    TrainingDataConfig TrainingDataConfig,
    OutputDataConfig OutputDataConfig,
    string? ClientRequestToken = null,
    string? CustomizationType = null,
    IReadOnlyDictionary<string, string>? HyperParameters = null,
    ValidationDataConfig? ValidationDataConfig = null,
    string? CustomModelKmsKeyId = null,
    IReadOnlyList<Tag>? JobTags = null,
    IReadOnlyList<Tag>? CustomModelTags = null);
