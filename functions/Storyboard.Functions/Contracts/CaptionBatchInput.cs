namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, batchKey}</c> (the CaptionCrops ItemSelector).</summary>
public sealed record CaptionBatchInput(RunContext? Run, string? BatchKey);
