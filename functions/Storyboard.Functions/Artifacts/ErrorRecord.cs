namespace Storyboard.Functions.Artifacts;

/// <summary><c>error.json</c>: why a run stopped.</summary>
/// <param name="State">The state that failed, when the workflow's state shows it; otherwise null.</param>
public sealed record ErrorRecord(string Error, string Cause, string? State, string? RunId, DateTimeOffset Time);
