namespace Storyboard.Aws.Rekognition.Model;

public sealed record CustomLabel(string? Name, double? Confidence, Geometry? Geometry);
