namespace Storyboard.Core.Config;

/// <summary>Near-duplicate removal and diversity selection.</summary>
public sealed record SelectionConfig
{
    /// <summary>Cosine similarity at or above which two crops are near-duplicates.</summary>
    public double SimilarityThreshold { get; set; } = 0.92;

    /// <summary>Crops to keep per character after de-duplication; null keeps every survivor.</summary>
    public int? TargetPerCharacter { get; set; }
}
