using Storyboard.Core.Customization;

namespace Storyboard.Functions.Model;

/// <summary><c>runs/&lt;runId&gt;/model/customization-job.json</c>: the request as sent, the job as last seen, and what each check saw.</summary>
/// <param name="Trained">True only when a real service completed the job; a dry run never trains.</param>
/// <param name="Note">Says plainly what the record is (a dry run's request, or the real job).</param>
public sealed record CustomizationJobRecord(
    string Service,
    bool DryRun,
    bool Trained,
    string Note,
    string RegionNote,
    CustomizationJobRequest Request,
    CustomizationJob Job,
    IReadOnlyList<StatusObservation> History);
