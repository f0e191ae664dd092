namespace Storyboard.Functions.Contracts;

/// <summary>Where RecordFailure wrote the error (the ASL discards it: ResultPath null).</summary>
public sealed record RecordFailureOutput(string ErrorKey);
