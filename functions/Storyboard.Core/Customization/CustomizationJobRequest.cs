namespace Storyboard.Core.Customization;

/// <summary>
/// The body of CreateModelCustomizationJob, member for member (AWS-FACTS §3.1), so the record a
/// dry run writes is exactly what Bedrock would receive.
/// </summary>
/// <param name="HyperParameters">Strings only, as the API takes them (<c>stepCount</c>, <c>batchSize</c>, <c>learningRate</c>).</param>
/// <param name="ClientRequestToken">Derived from the run and its dataset, so a retried or redriven step is ignored by Bedrock instead of starting a second job.</param>
public sealed record CustomizationJobRequest(
    string JobName,
    string CustomModelName,
    string RoleArn,
    string BaseModelIdentifier,
    string CustomizationType,
    S3DataConfig TrainingDataConfig,
    S3DataConfig OutputDataConfig,
    IReadOnlyDictionary<string, string> HyperParameters,
    string ClientRequestToken)
{
    public const string FineTuning = "FINE_TUNING";
}
