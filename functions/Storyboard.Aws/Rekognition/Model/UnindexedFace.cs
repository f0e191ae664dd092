namespace Storyboard.Aws.Rekognition.Model;

public sealed record UnindexedFace(IReadOnlyList<string>? Reasons, FaceDetail? FaceDetail);
