namespace Storyboard.Functions.Artifacts;

/// <summary>A caption that passed the rules.</summary>
public sealed record CaptionEntry(string Key, IReadOnlyList<string> Characters, string Caption, int Attempts);
