namespace Storyboard.Aws.Rekognition.Model;

public sealed record DeleteFacesResponse(IReadOnlyList<string>? DeletedFaces, IReadOnlyList<UnsuccessfulFaceDeletion>? UnsuccessfulFaceDeletions);
