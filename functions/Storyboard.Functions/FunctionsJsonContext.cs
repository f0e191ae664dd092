using System.Text.Json.Serialization;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Functions;

/// <summary>
/// Every handler's input and output record and every JSON file the steps write into a run
/// folder, source-generated (no reflection at run time). One context, so every payload and file
/// is read and written with the same options.
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
public sealed partial class FunctionsJsonContext : JsonSerializerContext
{
}
