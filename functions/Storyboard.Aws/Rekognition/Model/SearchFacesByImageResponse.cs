namespace Storyboard.Aws.Rekognition.Model;

public sealed record SearchFacesByImageResponse(
    BoundingBox? SearchedFaceBoundingBox,
    double? SearchedFaceConfidence,
    IReadOnlyList<FaceMatch>? FaceMatches,
    string? FaceModelVersion);
