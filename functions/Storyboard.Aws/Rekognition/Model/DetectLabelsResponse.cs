namespace Storyboard.Aws.Rekognition.Model;

public sealed record DetectLabelsResponse(IReadOnlyList<Label>? Labels, string? OrientationCorrection, string? LabelModelVersion);
