namespace Storyboard.Aws.Bedrock.Model;

/// <summary>All members travel in the query string.</summary>
public sealed record ListProvisionedModelThroughputsRequest(
    DateTimeOffset? CreationTimeAfter = null,
    DateTimeOffset? CreationTimeBefore = null,
    string? StatusEquals = null,
    string? ModelArnEquals = null,
    string? NameContains = null,
    int? MaxResults = null,
    string? NextToken = null,
    string? SortBy = null,
    string? SortOrder = null);
