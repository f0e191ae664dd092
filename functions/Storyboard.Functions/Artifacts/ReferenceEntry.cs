namespace Storyboard.Functions.Artifacts;

/// <summary>One reference image of a character.</summary>
public sealed record ReferenceEntry(string Character, string Key, string Sha256, long Bytes);
