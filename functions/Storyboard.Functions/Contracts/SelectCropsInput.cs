namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, segments: $.segments}</c> (the ProcessSegments Map's result).</summary>
public sealed record SelectCropsInput(RunContext? Run, MapRunResult? Segments);
