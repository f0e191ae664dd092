using Storyboard.Core.Selection;

namespace Storyboard.Functions.Artifacts;

/// <summary><c>selection.json</c>: what was kept, what replaced what and why, and the caption batches.</summary>
public sealed record SelectionDocument(
    double Threshold,
    int? TargetPerCharacter,
    string EmbeddingService,
    int Candidates,
    IReadOnlyList<string> Kept,
    IReadOnlyList<Replacement> Replacements,
    IReadOnlyList<InvalidCandidate> Invalid,
    IReadOnlyList<CharacterCount> PerCharacter,
    IReadOnlyList<string> CaptionBatches);
