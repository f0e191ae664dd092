namespace Storyboard.Core.Cropping;

/// <summary>
/// A detection box as ratios of the frame, origin top-left, exactly like Rekognition's
/// BoundingBox; values may lie outside 0..1 when the object is cut by the frame edge.
/// </summary>
public sealed record BoundingBox(double Left, double Top, double Width, double Height);
