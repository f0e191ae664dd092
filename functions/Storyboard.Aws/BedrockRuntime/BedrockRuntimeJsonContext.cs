using System.Text.Json.Serialization;
using Storyboard.Aws.BedrockRuntime.Model;

namespace Storyboard.Aws.BedrockRuntime;

/// <summary>Bedrock Runtime's own shapes (Converse): restJson1, camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConverseRequest))]
[JsonSerializable(typeof(ConverseResponse))]
public sealed partial class BedrockRuntimeJsonContext : JsonSerializerContext;
