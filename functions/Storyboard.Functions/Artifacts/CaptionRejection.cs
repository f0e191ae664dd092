namespace Storyboard.Functions.Artifacts;

/// <summary>A crop whose captions kept failing the rules.</summary>
public sealed record CaptionRejection(string Key, IReadOnlyList<string> Characters, IReadOnlyList<string> Reasons);
