using Storyboard.Core.Customization;

namespace Storyboard.Local.Customization.Internal;

/// <summary>What the dry run remembers about one job, persisted so the lifecycle survives processes.</summary>
internal sealed record DryRunJobState(
    string Service,
    bool Trained,
    string Note,
    CustomizationJobRequest Request,
    int TrainingRecords,
    string JobArn,
    string OutputModelName,
    string OutputModelArn,
    int Checks,
    IReadOnlyList<DryRunStatusEntry> History,
    string? FailureMessage = null);
