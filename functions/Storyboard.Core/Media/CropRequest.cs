using Storyboard.Core.Cropping;

namespace Storyboard.Core.Media;

/// <summary>One crop: cut <paramref name="Source"/> and scale it to exactly the output size, as PNG.</summary>
/// <param name="Source">Rectangle in source-image pixels (the one <see cref="CropPlan"/> computes); it must have an area.</param>
/// <param name="OutputWidth">Width of the written PNG.</param>
/// <param name="OutputHeight">Height of the written PNG.</param>
/// <param name="OutputPath">Local path of the PNG; its folder is created when missing.</param>
public sealed record CropRequest(PixelRect Source, int OutputWidth, int OutputHeight, string OutputPath)
{
    /// <summary>The ports hand this straight to ffmpeg, so an empty rectangle is refused here, not by a cryptic filter error.</summary>
    public PixelRect Source { get; } = Source.Width > 0 && Source.Height > 0
        ? Source
        : throw new ArgumentOutOfRangeException(nameof(Source), Source, "A crop rectangle needs a positive width and height.");
}
