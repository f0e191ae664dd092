namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="ClientToken">1–64 printable ASCII; repeats of the last 10 tokens within 15 minutes are idempotent.</param>
public sealed record RedriveExecutionRequest(string ExecutionArn, string? ClientToken = null);
