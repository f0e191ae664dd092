namespace Storyboard.Aws.Rekognition.Model;

public sealed record DeleteFacesRequest(string CollectionId, IReadOnlyList<string> FaceIds);
