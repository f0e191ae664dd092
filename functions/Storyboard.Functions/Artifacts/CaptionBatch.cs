namespace Storyboard.Functions.Artifacts;

/// <summary><c>caption-batches/batch-NNNN.json</c>: the crops one CaptionBatch iteration captions.</summary>
public sealed record CaptionBatch(IReadOnlyList<CropEntry> Crops);
