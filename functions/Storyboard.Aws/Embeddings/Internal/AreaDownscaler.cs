using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Embeddings.Internal;

/// <summary>
/// Shrinks an RGB image by area averaging: every output pixel is the coverage-weighted mean of the
/// source pixels under it, so no source pixel is skipped and fine detail does not alias into
/// patterns the embedding model would read as texture. Separable (rows, then columns).
/// </summary>
internal static class AreaDownscaler
{
    /// <summary>The largest size with the same aspect ratio that fits in <paramref name="maxSide"/>×<paramref name="maxSide"/>.</summary>
    public static (int Width, int Height) FitWithin(int width, int height, int maxSide)
    {
        if (width <= maxSide && height <= maxSide)
        {
            return (width, height);
        }

        var scale = Math.Min((double)maxSide / width, (double)maxSide / height);
        return (Math.Clamp((int)Math.Round(width * scale), 1, maxSide), Math.Clamp((int)Math.Round(height * scale), 1, maxSide));
    }

    public static RgbImage Resize(RgbImage source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width > source.Width || height > source.Height)
        {
            throw new ArgumentException($"Area averaging only shrinks: {source.Width}x{source.Height} cannot become {width}x{height}.");
        }

        if (width == source.Width && height == source.Height)
        {
            return source;
        }

        var columns = Weights(source.Width, width);
        var rows = Weights(source.Height, height);

        // Horizontal pass: source rows × output columns.
        var src = source.Pixels;
        var horizontal = new float[source.Height * width * 3];
        for (var y = 0; y < source.Height; y++)
        {
            var rowIn = y * source.Width * 3;
            var rowOut = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                float r = 0, g = 0, b = 0;
                foreach (var (index, weight) in columns[x])
                {
                    var i = rowIn + (index * 3);
                    r += src[i] * weight;
                    g += src[i + 1] * weight;
                    b += src[i + 2] * weight;
                }

                var o = rowOut + (x * 3);
                horizontal[o] = r;
                horizontal[o + 1] = g;
                horizontal[o + 2] = b;
            }
        }

        // Vertical pass: output rows from the weighted source rows.
        var output = new byte[width * height * 3];
        var accumulator = new float[width * 3];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(accumulator);
            foreach (var (index, weight) in rows[y])
            {
                var rowIn = index * width * 3;
                for (var i = 0; i < accumulator.Length; i++)
                {
                    accumulator[i] += horizontal[rowIn + i] * weight;
                }
            }

            var rowOut = y * width * 3;
            for (var i = 0; i < accumulator.Length; i++)
            {
                output[rowOut + i] = (byte)Math.Clamp(MathF.Round(accumulator[i]), 0, 255);
            }
        }

        return new RgbImage(width, height, output);
    }

    /// <summary>For each output index, the source indices it covers and the share of each (summing to 1).</summary>
    private static (int Index, float Weight)[][] Weights(int sourceLength, int outputLength)
    {
        var scale = (double)sourceLength / outputLength;
        var weights = new (int, float)[outputLength][];
        for (var o = 0; o < outputLength; o++)
        {
            var start = o * scale;
            var end = Math.Min(sourceLength, (o + 1) * scale);
            var first = (int)Math.Floor(start);
            var last = Math.Min(sourceLength - 1, (int)Math.Ceiling(end) - 1);
            var list = new List<(int, float)>(last - first + 1);
            for (var s = first; s <= last; s++)
            {
                var coverage = Math.Min(end, s + 1) - Math.Max(start, s);
                if (coverage > 1e-9)
                {
                    list.Add((s, (float)(coverage / scale)));
                }
            }

            weights[o] = [.. list];
        }

        return weights;
    }
}
