using System.Text.Json.Serialization;

namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>The model-native InvokeModel bodies (Titan, Nova, Nova Canvas): camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TitanEmbeddingRequest))]
[JsonSerializable(typeof(TitanEmbeddingResponse))]
[JsonSerializable(typeof(NovaRequest))]
[JsonSerializable(typeof(NovaResponse))]
[JsonSerializable(typeof(CanvasTextToImageRequest))]
[JsonSerializable(typeof(CanvasImageResponse))]
public sealed partial class ModelBodyJsonContext : JsonSerializerContext;
