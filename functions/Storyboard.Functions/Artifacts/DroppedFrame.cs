namespace Storyboard.Functions.Artifacts;

/// <summary>A frame FilterFrames dropped, and why (shown in the report).</summary>
/// <param name="Reason"><c>black</c>, <c>blurry</c> or <c>near-identical</c>.</param>
/// <param name="Detail">The measurement behind the reason, in words.</param>
public sealed record DroppedFrame(string Key, double TimeSeconds, string Reason, string Detail);
