namespace Storyboard.Aws.Rekognition.Model;

public sealed record Geometry(BoundingBox? BoundingBox, IReadOnlyList<Point>? Polygon);
