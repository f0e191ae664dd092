namespace Storyboard.Core.Selection;

/// <summary>The outcome of selection, written as <c>selection.json</c>.</summary>
/// <param name="Kept">Ids of kept crops, best quality first within each character group, groups in ordinal order.</param>
/// <param name="Replacements">Every dropped valid crop with the kept crop that replaced it.</param>
/// <param name="Invalid">Crops that could not be judged.</param>
/// <param name="PerCharacter">Counts per character, ordinal by name.</param>
public sealed record SelectionResult(
    double Threshold,
    int? TargetPerCharacter,
    IReadOnlyList<string> Kept,
    IReadOnlyList<Replacement> Replacements,
    IReadOnlyList<InvalidCandidate> Invalid,
    IReadOnlyList<CharacterCount> PerCharacter);
