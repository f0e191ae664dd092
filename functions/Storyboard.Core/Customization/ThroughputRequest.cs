namespace Storyboard.Core.Customization;

/// <summary>The body of CreateProvisionedModelThroughput (AWS-FACTS §3.3); no commitment term, so it can be deleted after the run.</summary>
/// <param name="ModelId">The custom model ARN.</param>
/// <param name="ClientRequestToken">Derived from the run, so a retried step never buys a second throughput.</param>
public sealed record ThroughputRequest(
    string ProvisionedModelName,
    string ModelId,
    int ModelUnits,
    string ClientRequestToken);
