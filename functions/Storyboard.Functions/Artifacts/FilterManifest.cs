namespace Storyboard.Functions.Artifacts;

/// <summary><c>filtered/&lt;segment&gt;.json</c>: the frames kept for detection and the ones dropped.</summary>
public sealed record FilterManifest(string Segment, IReadOnlyList<FrameEntry> Kept, IReadOnlyList<DroppedFrame> Dropped);
