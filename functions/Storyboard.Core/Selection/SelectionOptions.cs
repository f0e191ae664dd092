namespace Storyboard.Core.Selection;

/// <param name="Threshold">Cosine similarity at or above which two crops are near-duplicates.</param>
/// <param name="TargetPerCharacter">Crops to keep per character group after de-duplication (farthest-point sampling); null keeps all.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use; 0 or less means one per core.</param>
public sealed record SelectionOptions(double Threshold, int? TargetPerCharacter = null, int MaxDegreeOfParallelism = 0);
