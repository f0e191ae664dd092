namespace Storyboard.Functions.Contracts;

/// <summary><c>{run, crops: $.crops.result}</c>.</summary>
public sealed record EmbedCropsInput(RunContext? Run, CropCharactersOutput? Crops);
