namespace Storyboard.Core.Imaging;

/// <summary>
/// Resizes by area averaging: each output pixel is the mean of the source area it covers, edge
/// pixels weighted by the part they contribute — what ffmpeg's <c>flags=area</c> does when
/// shrinking, so a working copy can be shrunk further in-process instead of decoding the frame
/// again. Separable (rows, then columns), in floating point, rounded once at the end.
/// </summary>
public static class AreaResampler
{
    /// <summary>
    /// The largest size inside <paramref name="maxWidth"/> x <paramref name="maxHeight"/> with the
    /// source's aspect ratio, rounded as ffmpeg's <c>force_original_aspect_ratio=decrease</c> does.
    /// </summary>
    public static (int Width, int Height) FitInside(int width, int height, int maxWidth, int maxHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        var w = Math.Min(maxWidth, (int)Math.Round((double)maxHeight * width / height, MidpointRounding.AwayFromZero));
        var h = Math.Min(maxHeight, (int)Math.Round((double)maxWidth * height / width, MidpointRounding.AwayFromZero));
        return (Math.Max(1, w), Math.Max(1, h));
    }

    /// <summary>The image at <paramref name="width"/> x <paramref name="height"/>; the same instance when the size already matches.</summary>
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width == image.Width && height == image.Height)
        {
            return image;
        }

        int sw = image.Width, sh = image.Height;
        var columns = Weights(sw, width);
        var rows = Weights(sh, height);
        var src = image.Pixels;

        // Rows first: every source row shrunk to the output width.
        var across = new float[sh * width * 3];
        for (var y = 0; y < sh; y++)
        {
            var rowIn = y * sw * 3;
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
                (across[o], across[o + 1], across[o + 2]) = (r, g, b);
            }
        }

        var dst = new byte[width * height * 3];
        var line = width * 3;
        var sum = new float[line];
        for (var y = 0; y < height; y++)
        {
            var o = y * line;
            Array.Clear(sum);
            foreach (var (index, weight) in rows[y])
            {
                var row = across.AsSpan(index * line, line);
                for (var k = 0; k < line; k++)
                {
                    sum[k] += row[k] * weight;
                }
            }

            for (var k = 0; k < line; k++)
            {
                dst[o + k] = (byte)Math.Clamp((int)(sum[k] + 0.5f), 0, 255);
            }
        }

        return new RgbImage(width, height, dst);
    }

    /// <summary>For each output position, the source positions it covers and their share of it (summing to 1).</summary>
    private static (int Index, float Weight)[][] Weights(int source, int target)
    {
        var scale = (double)source / target;
        var weights = new (int Index, float Weight)[target][];
        for (var t = 0; t < target; t++)
        {
            var start = t * scale;
            var end = Math.Min(source, (t + 1) * scale);
            var list = new List<(int, float)>();
            for (var s = (int)Math.Floor(start); s < end; s++)
            {
                var covered = Math.Min(end, s + 1) - Math.Max(start, s);
                if (covered > 1e-9)
                {
                    list.Add((s, (float)(covered / (end - start))));
                }
            }

            weights[t] = [.. list];
        }

        return weights;
    }
}
