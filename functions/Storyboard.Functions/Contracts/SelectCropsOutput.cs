namespace Storyboard.Functions.Contracts;

/// <summary>The CaptionCrops Map iterates <c>captionBatches</c>; each key becomes one iteration's <c>batchKey</c>.</summary>
public sealed record SelectCropsOutput(IReadOnlyList<string> CaptionBatches, int Kept, int Rejected, string SelectionKey);
