namespace Storyboard.Aws.Rekognition.Model;

public sealed record CreateCollectionRequest(string CollectionId, IReadOnlyDictionary<string, string>? Tags = null);
