namespace Storyboard.Core.Planning;

/// <summary>What the plan was made from and how the frame budget was met (<c>plan-header.json</c>).</summary>
/// <param name="FpsReduced">True when the requested rate would have exceeded the frame budget and was lowered.</param>
public sealed record PlanHeader(
    double DurationSeconds,
    double VideoFps,
    int Width,
    int Height,
    double RequestedFps,
    double EffectiveFps,
    bool FpsReduced,
    int MaxFrames,
    double SegmentSeconds,
    int SegmentCount,
    int TotalExpectedFrames);
