using Storyboard.Core.Customization;

namespace Storyboard.Local.Customization.Internal;

/// <summary>What the dry run remembers about one provisioned throughput.</summary>
internal sealed record DryRunThroughputState(
    string Service,
    string Note,
    ThroughputRequest Request,
    string ProvisionedModelArn,
    int Checks,
    bool Deleted,
    IReadOnlyList<DryRunStatusEntry> History);
