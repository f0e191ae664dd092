namespace Storyboard.Aws.Rekognition.Model;

public sealed record ListFacesRequest(string CollectionId, string? NextToken = null, int? MaxResults = null);
