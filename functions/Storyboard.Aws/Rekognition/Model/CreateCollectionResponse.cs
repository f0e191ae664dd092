namespace Storyboard.Aws.Rekognition.Model;

public sealed record CreateCollectionResponse(int? StatusCode, string? CollectionArn, string? FaceModelVersion);
