namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="Output">The task's result as a JSON text (≤ 256 KiB).</param>
public sealed record SendTaskSuccessRequest(string TaskToken, string Output);
