using System.Text.Json.Serialization;
using Storyboard.Aws.Bedrock.Model;

namespace Storyboard.Aws.Bedrock;

/// <summary>Bedrock speaks restJson1 with camelCase members and ISO-8601 timestamps.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetFoundationModelResponse))]
[JsonSerializable(typeof(CreateModelCustomizationJobRequest))]
[JsonSerializable(typeof(CreateModelCustomizationJobResponse))]
[JsonSerializable(typeof(GetModelCustomizationJobResponse))]
[JsonSerializable(typeof(ListModelCustomizationJobsResponse))]
[JsonSerializable(typeof(CreateProvisionedModelThroughputRequest))]
[JsonSerializable(typeof(CreateProvisionedModelThroughputResponse))]
[JsonSerializable(typeof(GetProvisionedModelThroughputResponse))]
[JsonSerializable(typeof(ListProvisionedModelThroughputsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class BedrockJsonContext : JsonSerializerContext;
