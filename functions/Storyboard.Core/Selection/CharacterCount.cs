namespace Storyboard.Core.Selection;

/// <summary>Balance figures per character; a crop showing two characters counts for both.</summary>
public sealed record CharacterCount(string Character, int Candidates, int Distinct, int Kept);
