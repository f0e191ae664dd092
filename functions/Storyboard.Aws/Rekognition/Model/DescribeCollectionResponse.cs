using System.Text.Json.Serialization;
using Storyboard.Aws.Json;

namespace Storyboard.Aws.Rekognition.Model;

public sealed record DescribeCollectionResponse(
    long? FaceCount,
    string? FaceModelVersion,
    [property: JsonPropertyName("CollectionARN")] string? CollectionArn,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? CreationTimestamp,
    long? UserCount);
