namespace Storyboard.Aws.Rekognition.Model;

public sealed record DescribeCollectionRequest(string CollectionId);
