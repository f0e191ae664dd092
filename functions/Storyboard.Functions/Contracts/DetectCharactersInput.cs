namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, frames: $.filtered.result}</c>.</summary>
public sealed record DetectCharactersInput(RunContext? Run, FilterFramesOutput? Frames);
