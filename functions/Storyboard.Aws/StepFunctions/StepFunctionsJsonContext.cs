using System.Text.Json.Serialization;
using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Aws.StepFunctions;

/// <summary>Step Functions speaks awsJson 1.0 with camelCase members.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(RedriveExecutionRequest))]
[JsonSerializable(typeof(RedriveExecutionResponse))]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskFailureRequest))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
