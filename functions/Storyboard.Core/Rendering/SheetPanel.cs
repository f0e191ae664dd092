namespace Storyboard.Core.Rendering;

/// <summary>One panel of a storyboard sheet.</summary>
/// <param name="Label">Drawn on the panel when a font is available, e.g. "1".</param>
public sealed record SheetPanel(ReadOnlyMemory<byte> Png, string Label);
