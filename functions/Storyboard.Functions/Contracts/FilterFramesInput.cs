namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, frames: $.frames.result}</c>.</summary>
public sealed record FilterFramesInput(RunContext? Run, ExtractFramesOutput? Frames);
