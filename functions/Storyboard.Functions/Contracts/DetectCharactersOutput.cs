namespace Storyboard.Functions.Contracts;

/// <summary>Detections written per segment.</summary>
public sealed record DetectCharactersOutput(IReadOnlyList<string> Segments, int Frames, int Detections, IReadOnlyList<string> DetectionKeys);
