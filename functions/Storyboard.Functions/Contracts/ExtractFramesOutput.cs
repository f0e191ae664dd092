namespace Storyboard.Functions.Contracts;

/// <summary>Small summary of ExtractFrames; the frames themselves are in the store.</summary>
public sealed record ExtractFramesOutput(IReadOnlyList<string> Segments, int Frames, IReadOnlyList<string> ManifestKeys);
