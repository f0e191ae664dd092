namespace Storyboard.Core.Media;

/// <summary>One crop: cut <paramref name="Source"/> and scale it to exactly the output size, as PNG.</summary>
/// <param name="Source">Rectangle in source-image pixels.</param>
/// <param name="OutputWidth">Width of the written PNG.</param>
/// <param name="OutputHeight">Height of the written PNG.</param>
/// <param name="OutputPath">Local path of the PNG; its folder is created when missing.</param>
public sealed record CropRequest(PixelRect Source, int OutputWidth, int OutputHeight, string OutputPath);
