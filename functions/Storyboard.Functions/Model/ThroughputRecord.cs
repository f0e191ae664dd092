using Storyboard.Core.Customization;

namespace Storyboard.Functions.Model;

/// <summary><c>runs/&lt;runId&gt;/model/throughput.json</c>: the purchase request, the throughput as last seen, and whether it was released.</summary>
public sealed record ThroughputRecord(
    string Service,
    bool DryRun,
    string Note,
    ThroughputRequest Request,
    ProvisionedThroughput Throughput,
    bool Released,
    IReadOnlyList<StatusObservation> History);
