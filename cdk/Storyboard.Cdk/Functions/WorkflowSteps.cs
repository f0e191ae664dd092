namespace Storyboard.Cdk.Functions;

/// <summary>
/// The one table of workflow functions: one row per Task state of <c>statemachine/storyboard.asl.json</c>
/// (a test keeps the two in step), plus RecordFailure, which the state machine's status-change events
/// invoke for a failed, timed-out or aborted run. Sizes follow the work: the ffmpeg steps get more memory (CPU) and a
/// large /tmp for the video and its frames; the Bedrock control-plane steps are small and short.
/// Timeouts stay under the state's TimeoutSeconds (300 → 240, 900 → 840, 120 → 60).
/// </summary>
public static class WorkflowSteps
{
    public static IReadOnlyList<WorkflowStep> All { get; } =
    [
        new("PrepareRun", 1024, 240, 10240, StepAccess.ReadUploads | StepAccess.ReadCharacters | StepAccess.CheckBaseModel),
        new("PrepareCharacters", 1024, 840, 1024, StepAccess.ReadCharacters | StepAccess.IndexCharacterFaces),
        new("ExtractFrames", 3008, 840, 10240, StepAccess.ReadUploads | StepAccess.TagFrames),
        new("FilterFrames", 2048, 840, 4096, StepAccess.None),
        new("DetectCharacters", 1024, 840, 1024, StepAccess.ReadCharacters | StepAccess.SearchCharacterFaces),
        new("CropCharacters", 2048, 840, 4096, StepAccess.None),
        new("EmbedCrops", 1024, 840, 1024, StepAccess.InvokeEmbeddingModel),
        new("SelectCrops", 2048, 840, 1024, StepAccess.None),
        new("CaptionBatch", 1024, 840, 1024, StepAccess.InvokeCaptionModel),
        new("BuildDataset", 2048, 840, 4096, StepAccess.None),
        new("ReviewDataset", 512, 60, 512, StepAccess.None),
        new("StartFineTuning", 512, 240, 512, StepAccess.StartCustomization),
        new("CheckFineTuning", 512, 240, 512, StepAccess.ReadCustomization),
        new("ProvisionThroughput", 512, 240, 512, StepAccess.ProvisionThroughput),
        new("CheckThroughput", 512, 240, 512, StepAccess.ReadThroughput),
        new("RenderStoryboard", 2048, 840, 4096, StepAccess.InvokeCustomModel),
        new("ReleaseThroughput", 512, 240, 512, StepAccess.ReadThroughput | StepAccess.DeleteThroughput),
        new("RecordFailure", 512, 60, 512, StepAccess.ReadUploads | StepAccess.ReadCharacters | StepAccess.WriteErrorRecords, StepInvocation.StatusChangeEvent),
    ];

    /// <summary>The rows that are Task states of the workflow file: each fills a placeholder and is invoked by the state machine.</summary>
    public static IReadOnlyList<WorkflowStep> TaskStates { get; } = [.. All.Where(step => step.IsTaskState)];
}
