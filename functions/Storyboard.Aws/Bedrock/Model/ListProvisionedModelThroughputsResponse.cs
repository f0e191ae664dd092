namespace Storyboard.Aws.Bedrock.Model;

public sealed record ListProvisionedModelThroughputsResponse(string? NextToken, IReadOnlyList<ProvisionedModelSummary>? ProvisionedModelSummaries);
