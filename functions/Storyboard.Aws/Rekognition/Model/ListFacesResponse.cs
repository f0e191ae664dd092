namespace Storyboard.Aws.Rekognition.Model;

public sealed record ListFacesResponse(IReadOnlyList<Face>? Faces, string? NextToken, string? FaceModelVersion);
