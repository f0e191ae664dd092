using System.Numerics;
using System.Numerics.Tensors;

namespace Storyboard.Core.Imaging;

/// <summary>
/// Resizes by area averaging: each output pixel is the mean of the source area it covers, edge
/// pixels weighted by the part they contribute — what ffmpeg's <c>flags=area</c> does when
/// shrinking, so a working copy can be shrunk further in-process instead of decoding the frame
/// again. Separable (whole rows first, then across), in floating point, rounded once at the end.
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

        // Rows first, whole lines at a time (several pixels per instruction): every output row is
        // the weighted sum of the source rows it covers, so the per-pixel pass below only sees
        // the output's rows, not the source's.
        var line = sw * 3;
        var down = new float[height * line];
        var widened = new float[line];
        for (var y = 0; y < height; y++)
        {
            var sum = down.AsSpan(y * line, line);
            foreach (var (index, weight) in rows[y])
            {
                Widen(src.AsSpan(index * line, line), widened);
                TensorPrimitives.MultiplyAdd(widened, weight, sum, sum);
            }
        }

        var dst = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var rowIn = y * line;
            var rowOut = y * width * 3;
            for (var x = 0; x < width; x++)
            {
                float r = 0, g = 0, b = 0;
                foreach (var (index, weight) in columns[x])
                {
                    var i = rowIn + (index * 3);
                    r += down[i] * weight;
                    g += down[i + 1] * weight;
                    b += down[i + 2] * weight;
                }

                var o = rowOut + (x * 3);
                dst[o] = ToByte(r);
                dst[o + 1] = ToByte(g);
                dst[o + 2] = ToByte(b);
            }
        }

        return new RgbImage(width, height, dst);
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);

    /// <summary>Bytes to floats, a vector at a time.</summary>
    private static void Widen(ReadOnlySpan<byte> source, Span<float> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(source[i..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                var n = Vector<int>.Count;
                Vector.ConvertToSingle(Vector.AsVectorInt32(a)).CopyTo(target[i..]);
                Vector.ConvertToSingle(Vector.AsVectorInt32(b)).CopyTo(target[(i + n)..]);
                Vector.ConvertToSingle(Vector.AsVectorInt32(c)).CopyTo(target[(i + (2 * n))..]);
                Vector.ConvertToSingle(Vector.AsVectorInt32(d)).CopyTo(target[(i + (3 * n))..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = source[i];
        }
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
