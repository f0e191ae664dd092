using Storyboard.Core.Imaging;

namespace Storyboard.Core.Media;

/// <summary>Small decoded RGB images for pixel descriptors and quality checks, without an image codec in .NET.</summary>
public interface IThumbnailer
{
    /// <param name="imagePath">Local path of a still image (JPEG, PNG, ...).</param>
    Task<RgbImage> FromImageAsync(string imagePath, ThumbnailSize size, CancellationToken cancellationToken);

    /// <param name="source">Local file path or http(s) URL of a video.</param>
    /// <param name="timeSeconds">The first frame at or after this presentation time is used.</param>
    Task<RgbImage> FromVideoAsync(string source, double timeSeconds, ThumbnailSize size, CancellationToken cancellationToken);
}
