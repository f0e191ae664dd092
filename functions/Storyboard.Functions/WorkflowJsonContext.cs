using System.Text.Json.Serialization;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions;

/// <summary>
/// The dataset path's state payloads and the run-folder files its steps write. A context of its
/// own rather than more attributes on a second partial declaration of FunctionsJsonContext: the
/// source generator emits one set of files per attributed declaration, and two sets collide.
/// Same options as FunctionsJsonContext, so both read and write the same JSON.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(RunContext))]
[JsonSerializable(typeof(BuildDatasetOutput))]
[JsonSerializable(typeof(PrepareRunInput))]
[JsonSerializable(typeof(RunInput))]
[JsonSerializable(typeof(PrepareCharactersOutput))]
[JsonSerializable(typeof(ExtractFramesInput))]
[JsonSerializable(typeof(ExtractFramesOutput))]
[JsonSerializable(typeof(FilterFramesInput))]
[JsonSerializable(typeof(FilterFramesOutput))]
[JsonSerializable(typeof(DetectCharactersInput))]
[JsonSerializable(typeof(DetectCharactersOutput))]
[JsonSerializable(typeof(CropCharactersInput))]
[JsonSerializable(typeof(CropCharactersOutput))]
[JsonSerializable(typeof(EmbedCropsInput))]
[JsonSerializable(typeof(EmbedCropsOutput))]
[JsonSerializable(typeof(SelectCropsInput))]
[JsonSerializable(typeof(SelectCropsOutput))]
[JsonSerializable(typeof(CaptionBatchInput))]
[JsonSerializable(typeof(CaptionBatchOutput))]
[JsonSerializable(typeof(RecordFailureOutput))]
[JsonSerializable(typeof(FramesManifest))]
[JsonSerializable(typeof(FilterManifest))]
[JsonSerializable(typeof(CropEntry))]
[JsonSerializable(typeof(CropRejections))]
[JsonSerializable(typeof(EmbeddingLine))]
[JsonSerializable(typeof(ReferenceIndexManifest))]
[JsonSerializable(typeof(SelectionDocument))]
[JsonSerializable(typeof(CaptionBatch))]
[JsonSerializable(typeof(CaptionsFile))]
[JsonSerializable(typeof(ErrorRecord))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext
{
}
