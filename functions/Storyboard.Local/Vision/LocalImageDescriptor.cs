using System.Numerics.Tensors;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Vision;

/// <summary>
/// A free, deterministic image descriptor for near-duplicate detection, standing in for Titan
/// Multimodal Embeddings offline and serving as the pre-filter that keeps near-identical frames
/// away from paid APIs. The image is resampled to 64x64 (area average), then three blocks are
/// concatenated and the whole vector is L2-normalised:
/// <list type="bullet">
/// <item>53 colour bins (coarse hue/saturation/value, square-rooted), weight 0.4: what colours;</item>
/// <item>16x16 luminance layout, zero mean and unit variance, weight 0.6: where things are,
/// independent of brightness and contrast;</item>
/// <item>4x4 cells x 8 edge orientations, square-rooted and centred, weight 0.6: texture and structure.</item>
/// </list>
/// 437 dimensions. Cosine similarity: 1 for the same image; about 0.92 and above for the same
/// shot with small motion, re-encoding or brightness changes (near-duplicates, measured 0.99+);
/// different scenes score below about 0.6, even with the same character in the same place.
/// </summary>
public sealed class LocalImageDescriptor : IImageEmbedder
{
    public const string ServiceName = "local:image-descriptor v1";

    /// <summary>Cosine similarity at and above which two images count as near-duplicates.</summary>
    public const double NearDuplicateThreshold = 0.92;

    private const int Side = 64;
    private const int LayoutSide = 16;
    private const int EdgeCells = 4;
    private const int EdgeBins = 8;
    private const float ColourWeight = 0.4f;
    private const float LayoutWeight = 0.6f;
    private const float EdgeWeight = 0.6f;

    public string Service => ServiceName;

    public int Dimensions => ColourBins.Count + (LayoutSide * LayoutSide) + (EdgeCells * EdgeCells * EdgeBins);

    public Task<float[]> EmbedAsync(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Embed(image));
    }

    /// <summary>Cosine similarity of two descriptors (both are unit length, so a dot product).</summary>
    public static double Similarity(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);

    public float[] Embed(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (rgb, grey) = Resample(image);
        var vector = new float[Dimensions];
        var colour = vector.AsSpan(0, ColourBins.Count);
        var layout = vector.AsSpan(ColourBins.Count, LayoutSide * LayoutSide);
        var edges = vector.AsSpan(ColourBins.Count + (LayoutSide * LayoutSide));

        for (var i = 0; i < Side * Side; i++)
        {
            colour[ColourBins.Of((int)rgb[i * 3], (int)rgb[(i * 3) + 1], (int)rgb[(i * 3) + 2])] += 1;
        }

        SqrtAndNormalise(colour, ColourWeight);

        const int block = Side / LayoutSide;
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                layout[((y / block) * LayoutSide) + (x / block)] += grey[(y * Side) + x] / (block * block);
            }
        }

        var mean = TensorPrimitives.Sum<float>(layout) / layout.Length;
        TensorPrimitives.Subtract(layout, mean, layout);
        var norm = TensorPrimitives.Norm<float>(layout);

        // A flat image has no layout; leave the block at zero rather than amplify noise.
        TensorPrimitives.Multiply(layout, norm > 1e-3f * layout.Length ? LayoutWeight / norm : 0f, layout);

        const int cell = Side / EdgeCells;
        for (var y = 1; y < Side - 1; y++)
        {
            for (var x = 1; x < Side - 1; x++)
            {
                var gx = grey[(y * Side) + x + 1] - grey[(y * Side) + x - 1];
                var gy = grey[((y + 1) * Side) + x] - grey[((y - 1) * Side) + x];
                var mag = MathF.Sqrt((gx * gx) + (gy * gy));
                if (mag < 4f)
                {
                    continue; // sensor noise and compression ripple, not edges
                }

                var angle = MathF.Atan2(gy, gx);
                if (angle < 0)
                {
                    angle += MathF.PI;
                }

                var bin = Math.Min(EdgeBins - 1, (int)(angle / MathF.PI * EdgeBins));
                edges[((((y / cell) * EdgeCells) + (x / cell)) * EdgeBins) + bin] += mag;
            }
        }

        // Centred, because every textured photo has some edges in every cell: only how the
        // orientations differ from the image's own average should make two images alike.
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = MathF.Sqrt(edges[i]);
        }

        TensorPrimitives.Subtract(edges, TensorPrimitives.Sum<float>(edges) / edges.Length, edges);
        var edgeNorm = TensorPrimitives.Norm<float>(edges);
        TensorPrimitives.Multiply(edges, edgeNorm > 1e-3f ? EdgeWeight / edgeNorm : 0f, edges);

        var total = TensorPrimitives.Norm<float>(vector);
        if (total > 0)
        {
            TensorPrimitives.Divide(vector, total, vector);
        }

        return vector;
    }

    private static void SqrtAndNormalise(Span<float> block, float weight)
    {
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = MathF.Sqrt(block[i]);
        }

        var norm = TensorPrimitives.Norm<float>(block);
        if (norm > 0)
        {
            TensorPrimitives.Multiply(block, weight / norm, block);
        }
    }

    /// <summary>
    /// Area-average resampling to Side x Side: every source pixel counts, so small shifts change
    /// little; images smaller than Side are enlarged by repeating pixels.
    /// </summary>
    private static (float[] Rgb, float[] Grey) Resample(RgbImage image)
    {
        var rgb = new float[Side * Side * 3];
        var grey = new float[Side * Side];
        var p = image.Pixels;
        for (var ty = 0; ty < Side; ty++)
        {
            int y0 = ty * image.Height / Side, y1 = Math.Max(y0 + 1, (ty + 1) * image.Height / Side);
            for (var tx = 0; tx < Side; tx++)
            {
                int x0 = tx * image.Width / Side, x1 = Math.Max(x0 + 1, (tx + 1) * image.Width / Side);
                long r = 0, g = 0, b = 0;
                for (var y = y0; y < y1; y++)
                {
                    var i = ((y * image.Width) + x0) * 3;
                    for (var x = x0; x < x1; x++, i += 3)
                    {
                        r += p[i];
                        g += p[i + 1];
                        b += p[i + 2];
                    }
                }

                var n = (float)((y1 - y0) * (x1 - x0));
                var t = (ty * Side) + tx;
                rgb[t * 3] = r / n;
                rgb[(t * 3) + 1] = g / n;
                rgb[(t * 3) + 2] = b / n;
                grey[t] = (0.299f * rgb[t * 3]) + (0.587f * rgb[(t * 3) + 1]) + (0.114f * rgb[(t * 3) + 2]);
            }
        }

        return (rgb, grey);
    }
}
