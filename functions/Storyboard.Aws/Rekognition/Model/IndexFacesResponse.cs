namespace Storyboard.Aws.Rekognition.Model;

public sealed record IndexFacesResponse(
    IReadOnlyList<FaceRecord>? FaceRecords,
    string? OrientationCorrection,
    string? FaceModelVersion,
    IReadOnlyList<UnindexedFace>? UnindexedFaces);
