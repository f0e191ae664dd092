namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="Error">The error name Catch clauses match (≤ 256 chars).</param>
/// <param name="Cause">A readable explanation (≤ 32,768 chars).</param>
public sealed record SendTaskFailureRequest(string TaskToken, string? Error = null, string? Cause = null);
