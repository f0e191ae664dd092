namespace Storyboard.Core.Models;

/// <summary>A base model as the catalog describes it (Bedrock's GetFoundationModel, the members a run decides on).</summary>
/// <param name="LifecycleStatus">One of <see cref="FoundationModelLifecycleStatus"/>'s values, the provider's own spelling.</param>
/// <param name="CustomizationsSupported">e.g. FINE_TUNING; empty when the model cannot be customized here.</param>
/// <param name="InputModalities">TEXT, IMAGE or EMBEDDING.</param>
/// <param name="OutputModalities">TEXT, IMAGE or EMBEDDING.</param>
/// <param name="LegacyTime">When the model entered (or enters) LEGACY, when the provider says.</param>
/// <param name="EndOfLifeTime">When the model stops serving altogether, when the provider says.</param>
public sealed record FoundationModelInfo(
    string ModelId,
    string LifecycleStatus,
    IReadOnlyList<string> CustomizationsSupported,
    IReadOnlyList<string> InputModalities,
    IReadOnlyList<string> OutputModalities,
    DateTimeOffset? LegacyTime = null,
    DateTimeOffset? EndOfLifeTime = null)
{
    public const string FineTuning = "FINE_TUNING";

    public bool IsActive => LifecycleStatus == FoundationModelLifecycleStatus.Active;

    public bool SupportsFineTuning => CustomizationsSupported.Contains(FineTuning, StringComparer.Ordinal);
}
