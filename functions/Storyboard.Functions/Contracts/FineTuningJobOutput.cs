namespace Storyboard.Functions.Contracts;

/// <summary>
/// StartFineTuning's and CheckFineTuning's result (<c>$.fineTuning.result</c>); CheckFineTuning
/// reads it back as <c>job</c> on every loop. The FineTuningStatus Choice reads <c>status</c>,
/// FineTuningFailed prints <c>message</c>.
/// </summary>
/// <param name="CustomModelArn">The custom model, once the job has completed.</param>
public sealed record FineTuningJobOutput(
    string JobArn,
    string JobName,
    string Status,
    string Message,
    string? CustomModelArn = null) : IStatusOutput;
