namespace Storyboard.Core.Rendering;

/// <summary>A captioned image that may illustrate a prompt.</summary>
public sealed record MatchCandidate(string Id, string Caption, IReadOnlyList<string> Characters);
