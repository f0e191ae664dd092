namespace Storyboard.Aws.Rekognition.Model;

public sealed record UnsuccessfulFaceDeletion(string? FaceId, string? UserId, IReadOnlyList<string>? Reasons);
