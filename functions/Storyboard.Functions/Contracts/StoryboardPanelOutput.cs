namespace Storyboard.Functions.Contracts;

/// <summary>One rendered panel: which scene (1-based, as on the sheet) and where its PNG is.</summary>
public sealed record StoryboardPanelOutput(int Scene, int Image, string Key);
