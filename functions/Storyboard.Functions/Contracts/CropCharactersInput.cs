namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, detections: $.detections.result}</c>.</summary>
public sealed record CropCharactersInput(RunContext? Run, DetectCharactersOutput? Detections);
