namespace Storyboard.Aws.Bedrock.Model;

public sealed record ListModelCustomizationJobsResponse(string? NextToken, IReadOnlyList<ModelCustomizationJobSummary>? ModelCustomizationJobSummaries);
