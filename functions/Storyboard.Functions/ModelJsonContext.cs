using System.Text.Json.Serialization;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Functions;

/// <summary>
/// The model lifecycle's and the storyboard's handler records, and the run records they write.
/// A context of its own: the JSON source generator emits one file per type and context, so two
/// partial declarations of one context that both list attributes collide on shared types (bool, string).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(StartFineTuningInput))]
[JsonSerializable(typeof(CheckFineTuningInput))]
[JsonSerializable(typeof(FineTuningJobOutput))]
[JsonSerializable(typeof(ProvisionThroughputInput))]
[JsonSerializable(typeof(CheckThroughputInput))]
[JsonSerializable(typeof(ThroughputOutput))]
[JsonSerializable(typeof(RenderStoryboardInput))]
[JsonSerializable(typeof(RenderStoryboardOutput))]
[JsonSerializable(typeof(ReleaseThroughputInput))]
[JsonSerializable(typeof(ReleaseThroughputOutput))]
[JsonSerializable(typeof(ReviewDatasetInput))]
[JsonSerializable(typeof(ReviewDatasetOutput))]
[JsonSerializable(typeof(CustomizationJobRecord))]
[JsonSerializable(typeof(ThroughputRecord))]
[JsonSerializable(typeof(ReviewRecord))]
[JsonSerializable(typeof(ReviewDecision))]
public sealed partial class ModelJsonContext : JsonSerializerContext;
