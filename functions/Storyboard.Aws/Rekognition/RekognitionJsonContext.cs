using System.Text.Json.Serialization;
using Storyboard.Aws.Rekognition.Model;

namespace Storyboard.Aws.Rekognition;

/// <summary>Rekognition speaks awsJson 1.1 with PascalCase members, exactly the C# names (exceptions carry [JsonPropertyName]).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollectionRequest))]
[JsonSerializable(typeof(CreateCollectionResponse))]
[JsonSerializable(typeof(DescribeCollectionRequest))]
[JsonSerializable(typeof(DescribeCollectionResponse))]
[JsonSerializable(typeof(IndexFacesRequest))]
[JsonSerializable(typeof(IndexFacesResponse))]
[JsonSerializable(typeof(ListFacesRequest))]
[JsonSerializable(typeof(ListFacesResponse))]
[JsonSerializable(typeof(DeleteFacesRequest))]
[JsonSerializable(typeof(DeleteFacesResponse))]
[JsonSerializable(typeof(DetectLabelsRequest))]
[JsonSerializable(typeof(DetectLabelsResponse))]
[JsonSerializable(typeof(DetectFacesRequest))]
[JsonSerializable(typeof(DetectFacesResponse))]
[JsonSerializable(typeof(SearchFacesByImageRequest))]
[JsonSerializable(typeof(SearchFacesByImageResponse))]
[JsonSerializable(typeof(DetectCustomLabelsRequest))]
[JsonSerializable(typeof(DetectCustomLabelsResponse))]
public sealed partial class RekognitionJsonContext : JsonSerializerContext;
