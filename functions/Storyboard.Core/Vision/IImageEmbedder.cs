using Storyboard.Core.Imaging;

namespace Storyboard.Core.Vision;

/// <summary>
/// Maps an image to a vector whose cosine similarity says how alike two images look (Titan
/// Multimodal Embeddings in AWS; a local descriptor offline and as the free pre-filter).
/// </summary>
public interface IImageEmbedder
{
    /// <summary>e.g. <c>local:image-descriptor v1</c>; vectors from different services are not comparable.</summary>
    string Service { get; }

    int Dimensions { get; }

    /// <returns>An L2-normalised vector of <see cref="Dimensions"/> floats.</returns>
    Task<float[]> EmbedAsync(RgbImage image, CancellationToken cancellationToken);
}
