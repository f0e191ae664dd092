namespace Storyboard.Aws.Rekognition.Model;

/// <summary>The parts of a detected face this product uses; other attributes are ignored when read.</summary>
public sealed record FaceDetail(
    BoundingBox? BoundingBox,
    double? Confidence,
    Pose? Pose,
    ImageQuality? Quality,
    IReadOnlyList<Landmark>? Landmarks);
