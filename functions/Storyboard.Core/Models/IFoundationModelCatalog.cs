namespace Storyboard.Core.Models;

/// <summary>
/// What the model provider says about a base model today. Bedrock retires models (DESIGN §6), so
/// a run asks before it spends anything on data preparation; offline runs have no catalog.
/// </summary>
public interface IFoundationModelCatalog
{
    /// <summary>Names the catalog in messages, e.g. "Amazon Bedrock (us-east-1)".</summary>
    string ServiceName { get; }

    /// <summary>The model's lifecycle, customizations and modalities; null when the catalog does not offer the model here.</summary>
    Task<FoundationModelInfo?> DescribeAsync(string modelId, CancellationToken cancellationToken = default);
}
