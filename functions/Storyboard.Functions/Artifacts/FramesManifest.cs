namespace Storyboard.Functions.Artifacts;

/// <summary><c>frames-index/&lt;segment&gt;.json</c>: every frame ExtractFrames wrote for a segment.</summary>
public sealed record FramesManifest(string Segment, IReadOnlyList<FrameEntry> Frames);
