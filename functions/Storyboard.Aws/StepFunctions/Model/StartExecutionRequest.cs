namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="Name">1–80 chars; for a Standard workflow the same name and input while running is idempotent.</param>
/// <param name="Input">The execution input as a JSON text (≤ 256 KiB); "{}" when empty.</param>
public sealed record StartExecutionRequest(string StateMachineArn, string? Name = null, string? Input = null, string? TraceHeader = null);
