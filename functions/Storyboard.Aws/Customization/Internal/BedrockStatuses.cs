using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.Http;
using Storyboard.Core.Customization;

namespace Storyboard.Aws.Customization.Internal;

/// <summary>
/// Bedrock's answers as Core's records, with the dry run's rules: the custom model is reported
/// only once the job has Completed, a failure message only when the job ended Failed or Stopped
/// (or the throughput Failed). Statuses keep Bedrock's spelling, which the workflow's Choice
/// states compare; one Bedrock adds later passes through unchanged and so ends at the Choice's
/// failure branch instead of looping.
/// </summary>
internal static class BedrockStatuses
{
    public static CustomizationJob ToJob(GetModelCustomizationJobResponse response, string identifier, string serviceName)
    {
        var status = Required(response.Status, "status", "GetModelCustomizationJob", serviceName);
        var completed = status == CustomizationJobStatus.Completed;
        return new CustomizationJob(
            Required(response.JobArn, "jobArn", "GetModelCustomizationJob", serviceName),
            response.JobName ?? identifier,
            status,
            FailureMessage: status is CustomizationJobStatus.Failed or CustomizationJobStatus.Stopped ? response.FailureMessage : null,
            OutputModelArn: completed ? response.OutputModelArn : null,
            OutputModelName: completed ? response.OutputModelName : null,
            response.ClientRequestToken ?? string.Empty);
    }

    public static ProvisionedThroughput ToThroughput(GetProvisionedModelThroughputResponse response, string identifier, string serviceName)
    {
        var status = Required(response.Status, "status", "GetProvisionedModelThroughput", serviceName);
        return new ProvisionedThroughput(
            Required(response.ProvisionedModelArn, "provisionedModelArn", "GetProvisionedModelThroughput", serviceName),
            response.ProvisionedModelName ?? identifier,
            response.ModelArn ?? response.DesiredModelArn ?? string.Empty,
            response.ModelUnits ?? response.DesiredModelUnits ?? 0,
            status,
            status == ThroughputStatus.Failed ? response.FailureMessage : null);
    }

    /// <summary>A list entry carries no failure message; the status checks read it from GetProvisionedModelThroughput.</summary>
    public static ProvisionedThroughput ToThroughput(ProvisionedModelSummary summary, string serviceName) => new(
        Required(summary.ProvisionedModelArn, "provisionedModelArn", "ListProvisionedModelThroughputs", serviceName),
        summary.ProvisionedModelName ?? string.Empty,
        summary.ModelArn ?? summary.DesiredModelArn ?? string.Empty,
        summary.ModelUnits ?? summary.DesiredModelUnits ?? 0,
        Required(summary.Status, "status", "ListProvisionedModelThroughputs", serviceName),
        null);

    private static string Required(string? value, string member, string operation, string serviceName) =>
        string.IsNullOrEmpty(value)
            ? throw new AwsMalformedResponseException($"{serviceName} {operation} answered without '{member}'. Check AWS_ENDPOINT_URL* and any proxy.")
            : value;
}
