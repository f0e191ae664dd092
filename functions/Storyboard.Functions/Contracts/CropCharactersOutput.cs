namespace Storyboard.Functions.Contracts;

/// <summary>Crops written and detections that could not become a crop.</summary>
public sealed record CropCharactersOutput(IReadOnlyList<string> Segments, int Crops, int Rejected, IReadOnlyList<string> CropIndexKeys);
