using System.Text.Json;
using Storyboard.Core.Json;

namespace Storyboard.Core.Planning;

/// <summary>
/// Writes and reads the plan: <c>plan.json</c> is the bare array of segments (what the Distributed
/// Map's ItemReader with <c>InputType: JSON</c> iterates), <c>plan-header.json</c> the header.
/// </summary>
public static class SegmentPlanSerializer
{
    public static Task WriteSegmentsAsync(Stream stream, SegmentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.SerializeAsync(stream, plan.Segments, CoreJsonContext.Default.IReadOnlyListSegment, cancellationToken);
    }

    public static Task WriteHeaderAsync(Stream stream, SegmentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.SerializeAsync(stream, plan.Header, CoreJsonContext.Default.PlanHeader, cancellationToken);
    }

    public static async Task<IReadOnlyList<Segment>> ReadSegmentsAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(stream, CoreJsonContext.Default.IReadOnlyListSegment, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("plan.json holds null instead of an array of segments.");

    public static async Task<PlanHeader> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(stream, CoreJsonContext.Default.PlanHeader, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("plan-header.json holds null instead of an object.");
}
