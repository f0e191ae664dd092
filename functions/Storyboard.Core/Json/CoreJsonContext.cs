using System.Text.Json.Serialization;
using Storyboard.Core.Config;
using Storyboard.Core.Dataset;
using Storyboard.Core.Planning;
using Storyboard.Core.Selection;

namespace Storyboard.Core.Json;

/// <summary>
/// Every Core type that crosses a boundary as JSON. Strict on purpose: an unknown property, a
/// null where none is allowed or a missing constructor field is an error, so a typo in a config
/// or a drifted contract fails loudly instead of silently using a default.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RunConfig))]
[JsonSerializable(typeof(SegmentPlan))]
[JsonSerializable(typeof(PlanHeader))]
[JsonSerializable(typeof(IReadOnlyList<Segment>))]
[JsonSerializable(typeof(Segment))]
[JsonSerializable(typeof(DetectionLine))]
[JsonSerializable(typeof(DatasetItem))]
[JsonSerializable(typeof(TrainingRecord))]
[JsonSerializable(typeof(CropRecord))]
[JsonSerializable(typeof(ExportMetadataLine))]
[JsonSerializable(typeof(SelectionResult))]
public sealed partial class CoreJsonContext : JsonSerializerContext;
