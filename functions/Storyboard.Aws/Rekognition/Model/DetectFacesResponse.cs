namespace Storyboard.Aws.Rekognition.Model;

public sealed record DetectFacesResponse(IReadOnlyList<FaceDetail>? FaceDetails, string? OrientationCorrection);
