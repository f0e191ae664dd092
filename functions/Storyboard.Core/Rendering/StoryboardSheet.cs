namespace Storyboard.Core.Rendering;

/// <param name="Labelled">False when no font was found and the panels carry no numbers.</param>
public sealed record StoryboardSheet(ReadOnlyMemory<byte> Png, int Width, int Height, bool Labelled);
