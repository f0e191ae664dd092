namespace Storyboard.Aws.Bedrock.Model;

/// <param name="CustomizationsSupported">e.g. FINE_TUNING; a model without it cannot be customized.</param>
/// <param name="InferenceTypesSupported">ON_DEMAND and/or PROVISIONED.</param>
public sealed record FoundationModelDetails(
    string? ModelArn,
    string? ModelId,
    string? ModelName,
    string? ProviderName,
    IReadOnlyList<string>? InputModalities,
    IReadOnlyList<string>? OutputModalities,
    bool? ResponseStreamingSupported,
    IReadOnlyList<string>? CustomizationsSupported,
    IReadOnlyList<string>? InferenceTypesSupported,
    FoundationModelLifecycle? ModelLifecycle);
