namespace Storyboard.Core.Planning;

/// <summary>
/// A video's processing plan. Stored as two objects: <c>plan.json</c> is the bare JSON array of
/// <see cref="Segments"/>, so the Distributed Map's ItemReader (<c>InputType: JSON</c>) reads it as
/// is, and <c>plan-header.json</c> holds <see cref="Header"/>.
/// </summary>
public sealed record SegmentPlan(PlanHeader Header, IReadOnlyList<Segment> Segments);
