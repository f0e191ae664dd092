namespace Storyboard.Functions.Artifacts;

/// <summary><c>crop-rejections/&lt;segment&gt;.json</c>.</summary>
public sealed record CropRejections(string Segment, IReadOnlyList<CropRejectionEntry> Rejected);
