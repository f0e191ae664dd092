namespace Storyboard.Aws.Rekognition.Model;

/// <summary>Ratios of the image width (Left, Width) and height (Top, Height), origin top-left; may fall slightly outside 0–1 at edges.</summary>
public sealed record BoundingBox(double? Width, double? Height, double? Left, double? Top);
