namespace Storyboard.Aws.Rekognition.Model;

/// <summary>A face stored in a collection.</summary>
public sealed record Face(
    string? FaceId,
    BoundingBox? BoundingBox,
    string? ImageId,
    string? ExternalImageId,
    double? Confidence,
    string? IndexFacesModelVersion,
    string? UserId);
