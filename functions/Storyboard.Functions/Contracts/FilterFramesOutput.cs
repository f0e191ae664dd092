namespace Storyboard.Functions.Contracts;

/// <summary>Frames kept and dropped (with reasons in the filter manifests).</summary>
public sealed record FilterFramesOutput(IReadOnlyList<string> Segments, int Kept, int Dropped, IReadOnlyList<string> FilterKeys);
