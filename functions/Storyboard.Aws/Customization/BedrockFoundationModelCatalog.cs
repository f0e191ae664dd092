using Storyboard.Aws.Bedrock;
using Storyboard.Aws.Customization.Internal;
using Storyboard.Aws.Http;
using Storyboard.Core.Models;

namespace Storyboard.Aws.Customization;

/// <summary>
/// Bedrock's GetFoundationModel as the catalog PrepareRun asks before a run spends anything
/// (DESIGN §6): lifecycle status, supported customizations and modalities.
/// </summary>
public sealed class BedrockFoundationModelCatalog : IFoundationModelCatalog
{
    private readonly IBedrockApi _bedrock;

    /// <param name="region">Shown in messages; null when the caller does not say.</param>
    public BedrockFoundationModelCatalog(IBedrockApi bedrock, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        _bedrock = bedrock;
        ServiceName = string.IsNullOrWhiteSpace(region) ? "Amazon Bedrock" : $"Amazon Bedrock ({region})";
    }

    public string ServiceName { get; }

    public async Task<FoundationModelInfo?> DescribeAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        Bedrock.Model.GetFoundationModelResponse response;
        try
        {
            response = await _bedrock.GetFoundationModelAsync(modelId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is BedrockFailures.NotFound or BedrockFailures.Validation)
        {
            // Profiles name well-formed model ids, so a refused id means the region does not offer it.
            return null;
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, $"bedrock:GetFoundationModel on arn:aws:bedrock:*::foundation-model/{modelId}") is { } named)
        {
            throw named;
        }

        var details = response.ModelDetails
            ?? throw new AwsMalformedResponseException($"{ServiceName} GetFoundationModel answered without 'modelDetails' for {modelId}. Check AWS_ENDPOINT_URL* and any proxy.");
        return new FoundationModelInfo(
            details.ModelId ?? modelId,
            // The API model requires the status; were it ever absent, the create call stays the judge.
            details.ModelLifecycle?.Status ?? FoundationModelLifecycleStatus.Active,
            details.CustomizationsSupported ?? [],
            details.InputModalities ?? [],
            details.OutputModalities ?? [],
            details.ModelLifecycle?.LegacyTime,
            details.ModelLifecycle?.EndOfLifeTime);
    }
}
