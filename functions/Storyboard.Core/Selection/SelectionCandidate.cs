namespace Storyboard.Core.Selection;

/// <summary>A crop offered to selection.</summary>
/// <param name="Id">Unique id (the crop's key); breaks quality ties, ordinally.</param>
/// <param name="Characters">Characters the crop shows; crops are only compared with crops showing the same set.</param>
/// <param name="Quality">Higher is better (e.g. detection confidence × sharpness); NaN counts as lowest.</param>
/// <param name="Embedding">Image embedding; any length, but the same for every candidate. Not modified.</param>
public sealed record SelectionCandidate(string Id, IReadOnlyList<string> Characters, double Quality, float[] Embedding);
