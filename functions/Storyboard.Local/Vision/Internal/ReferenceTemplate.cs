using Storyboard.Core.Imaging;

namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// One reference sprite in one orientation (as drawn or mirrored, possibly tilted), resampled to a canonical patch of about 48x48
/// pixels (area kept, aspect kept) with its alpha mask, gradient descriptor and colour histogram.
/// Frame windows are resampled to the same patch size, so comparing them costs the same at any scale.
/// </summary>
internal sealed class ReferenceTemplate
{
    private const int CanonicalArea = 48 * 48;

    private ReferenceTemplate(string source, bool flipped, double tilt, int width, int height, double aspect, float[] mask, float[] grey, float[] hog, float[] colour, int[] cells)
    {
        Source = source;
        Flipped = flipped;
        Tilt = tilt;
        Width = width;
        Height = height;
        Aspect = aspect;
        Mask = mask;
        Grey = grey;
        HogFeatures = hog;
        Colour = colour;
        Cells = cells;
        var masked = new List<int>();
        double total = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            total += mask[i];
            if (mask[i] >= 0.5f)
            {
                masked.Add(i);
            }
        }

        Masked = [.. masked];
        MaskTotal = total;
        MaskedGrey = new double[Masked.Length];
        MaskedGreySquared = new double[Masked.Length];
        for (var k = 0; k < Masked.Length; k++)
        {
            var i = Masked[k];
            MaskedGrey[k] = mask[i] * (double)grey[i];
            MaskedGreySquared[k] = MaskedGrey[k] * grey[i];
            MaskedSum += mask[i];
            MaskedGreySum += MaskedGrey[k];
            MaskedGreySquaredSum += MaskedGreySquared[k];
        }

        Needed = NeededPixels(width, height, Masked, cells);
    }

    public string Source { get; }

    public bool Flipped { get; }

    /// <summary>Degrees the reference was rotated by before building the template (0 = as drawn).</summary>
    public double Tilt { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width / height of the character's opaque extent in the reference.</summary>
    public double Aspect { get; }

    public float[] Mask { get; }

    public float[] Grey { get; }

    public float[] HogFeatures { get; }

    /// <summary>Normalised <see cref="ColourBins"/> histogram of the opaque pixels.</summary>
    public float[] Colour { get; }

    /// <summary>HOG cells that overlap the character (the others see only background).</summary>
    public int[] Cells { get; }

    /// <summary>Pixels whose mask is at least 0.5 (the ones colour and shading are compared on), in ascending order.</summary>
    public int[] Masked { get; }

    /// <summary>mask · grey for each of <see cref="Masked"/> (in double, as the comparison multiplies them).</summary>
    public double[] MaskedGrey { get; }

    /// <summary>mask · grey · grey for each of <see cref="Masked"/>.</summary>
    public double[] MaskedGreySquared { get; }

    /// <summary>
    /// Sums over <see cref="Masked"/> of the mask, <see cref="MaskedGrey"/> and
    /// <see cref="MaskedGreySquared"/>, added in the order a comparison adds them: a window inside
    /// the frame has every masked pixel, so its sums on the template's side are these.
    /// </summary>
    public double MaskedSum { get; }

    public double MaskedGreySum { get; }

    public double MaskedGreySquaredSum { get; }

    /// <summary>Sum of the whole mask, the denominator of the visible share.</summary>
    public double MaskTotal { get; }

    /// <summary>
    /// Patch pixels a comparison reads: the masked ones and those of the covered cells with their
    /// four neighbours (gradients). A frame window is sampled only there.
    /// </summary>
    public bool[] Needed { get; }

    /// <returns>The template and its mirror image, or null when the image has too few opaque pixels.</returns>
    public static (ReferenceTemplate Normal, ReferenceTemplate Mirrored)? Create(RgbaImage image, string source, double rotationDegrees = 0)
    {
        if (rotationDegrees != 0)
        {
            image = Rotate(image, rotationDegrees);
        }

        if (!TryFindOpaqueExtent(image, out var x0, out var y0, out var cw, out var ch))
        {
            return null;
        }

        var aspect = (double)cw / ch;
        var height = Math.Max(2 * Hog.Cell, (int)Math.Round(Math.Sqrt(CanonicalArea / aspect) / Hog.Cell) * Hog.Cell);
        var width = Math.Max(2 * Hog.Cell, (int)Math.Round(height * aspect / Hog.Cell) * Hog.Cell);
        var (rgb, alpha) = AreaResample(image, x0, y0, cw, ch, width, height);
        return (Build(source, false, rotationDegrees, width, height, aspect, rgb, alpha), Build(source, true, -rotationDegrees, width, height, aspect, Mirror(rgb, width, height, 3), Mirror(alpha, width, height, 1)));
    }

    /// <summary>Rotates about the centre onto a canvas large enough to keep every pixel (bilinear, premultiplied).</summary>
    internal static RgbaImage Rotate(RgbaImage image, double degrees)
    {
        var rad = degrees * Math.PI / 180;
        double cos = Math.Cos(rad), sin = Math.Sin(rad);
        int w = image.Width, h = image.Height;
        var nw = (int)Math.Ceiling((Math.Abs(w * cos) + Math.Abs(h * sin)) - 1e-9);
        var nh = (int)Math.Ceiling((Math.Abs(w * sin) + Math.Abs(h * cos)) - 1e-9);
        var dst = new byte[nw * nh * 4];
        var p = image.Pixels;
        double cx = w / 2.0, cy = h / 2.0, ncx = nw / 2.0, ncy = nh / 2.0;
        for (var y = 0; y < nh; y++)
        {
            for (var x = 0; x < nw; x++)
            {
                double dx = x + 0.5 - ncx, dy = y + 0.5 - ncy;
                var sx = (cos * dx) + (sin * dy) + cx - 0.5;
                var sy = (-sin * dx) + (cos * dy) + cy - 0.5;
                int ix = (int)Math.Floor(sx), iy = (int)Math.Floor(sy);
                double fx = sx - ix, fy = sy - iy;
                double r = 0, g = 0, b = 0, a = 0;
                for (var k = 0; k < 4; k++)
                {
                    int px = ix + (k & 1), py = iy + (k >> 1);
                    if (px < 0 || py < 0 || px >= w || py >= h)
                    {
                        continue;
                    }

                    var wgt = ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy);
                    var i = ((py * w) + px) * 4;
                    var pa = p[i + 3] * wgt;
                    r += p[i] * pa;
                    g += p[i + 1] * pa;
                    b += p[i + 2] * pa;
                    a += pa;
                }

                var o = ((y * nw) + x) * 4;
                if (a > 0)
                {
                    dst[o] = (byte)Math.Clamp(Math.Round(r / a), 0, 255);
                    dst[o + 1] = (byte)Math.Clamp(Math.Round(g / a), 0, 255);
                    dst[o + 2] = (byte)Math.Clamp(Math.Round(b / a), 0, 255);
                    dst[o + 3] = (byte)Math.Clamp(Math.Round(a), 0, 255);
                }
            }
        }

        return new RgbaImage(nw, nh, dst);
    }

    private static ReferenceTemplate Build(string source, bool flipped, double tilt, int width, int height, double aspect, float[] rgb, float[] alpha)
    {
        var n = width * height;
        var grey = new float[n];
        var colour = new float[ColourBins.Count];
        for (var i = 0; i < n; i++)
        {
            // Over mid grey: the silhouette still produces edges whatever the real background is.
            float a = alpha[i], r = rgb[i * 3] + (128 * (1 - a)), g = rgb[(i * 3) + 1] + (128 * (1 - a)), b = rgb[(i * 3) + 2] + (128 * (1 - a));
            grey[i] = (0.299f * r) + (0.587f * g) + (0.114f * b);
            if (a >= 0.5f)
            {
                colour[ColourBins.Of((int)Math.Min(255, rgb[i * 3] / a), (int)Math.Min(255, rgb[(i * 3) + 1] / a), (int)Math.Min(255, rgb[(i * 3) + 2] / a))] += a;
            }
        }

        Normalise(colour);
        var hog = Hog.Compute(grey, null, width, height);
        int cx = width / Hog.Cell, cy = height / Hog.Cell;
        var cells = new List<int>();
        for (var c = 0; c < cx * cy; c++)
        {
            int ox = (c % cx) * Hog.Cell, oy = (c / cx) * Hog.Cell;
            var cover = 0f;
            for (var y = 0; y < Hog.Cell; y++)
            {
                for (var x = 0; x < Hog.Cell; x++)
                {
                    cover += alpha[((oy + y) * width) + ox + x];
                }
            }

            if (cover >= 0.1f * Hog.Cell * Hog.Cell)
            {
                cells.Add(c);
            }
        }

        return new ReferenceTemplate(source, flipped, tilt, width, height, aspect, alpha, grey, hog, colour, [.. cells]);
    }

    private static bool[] NeededPixels(int width, int height, int[] masked, int[] cells)
    {
        var needed = new bool[width * height];
        foreach (var i in masked)
        {
            needed[i] = true;
        }

        var cx = width / Hog.Cell;
        foreach (var c in cells)
        {
            int ox = (c % cx) * Hog.Cell, oy = (c / cx) * Hog.Cell;
            for (var y = Math.Max(0, oy - 1); y <= Math.Min(height - 1, oy + Hog.Cell); y++)
            {
                for (var x = Math.Max(0, ox - 1); x <= Math.Min(width - 1, ox + Hog.Cell); x++)
                {
                    needed[(y * width) + x] = true;
                }
            }
        }

        return needed;
    }

    internal static void Normalise(float[] histogram)
    {
        var sum = 0f;
        foreach (var v in histogram)
        {
            sum += v;
        }

        if (sum > 0)
        {
            for (var i = 0; i < histogram.Length; i++)
            {
                histogram[i] /= sum;
            }
        }
    }

    private static bool TryFindOpaqueExtent(RgbaImage image, out int x0, out int y0, out int w, out int h)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        var p = image.Pixels;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (p[(((y * image.Width) + x) * 4) + 3] >= 128)
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            }
        }

        x0 = minX;
        y0 = minY;
        w = maxX - minX + 1;
        h = maxY - minY + 1;
        return maxX >= 0 && w >= 8 && h >= 8;
    }

    /// <summary>Box-filter resampling of a region to (dw, dh); colours come back premultiplied by alpha.</summary>
    private static (float[] Rgb, float[] Alpha) AreaResample(RgbaImage image, int x0, int y0, int sw, int sh, int dw, int dh)
    {
        var rgb = new float[dw * dh * 3];
        var alpha = new float[dw * dh];
        var p = image.Pixels;
        for (var dy = 0; dy < dh; dy++)
        {
            int sy0 = y0 + (dy * sh / dh), sy1 = Math.Max(sy0 + 1, y0 + ((dy + 1) * sh / dh));
            for (var dx = 0; dx < dw; dx++)
            {
                int sx0 = x0 + (dx * sw / dw), sx1 = Math.Max(sx0 + 1, x0 + ((dx + 1) * sw / dw));
                float r = 0, g = 0, b = 0, a = 0;
                var count = 0;
                for (var y = sy0; y < sy1; y++)
                {
                    for (var x = sx0; x < sx1; x++)
                    {
                        var i = ((y * image.Width) + x) * 4;
                        var pa = p[i + 3] / 255f;
                        r += p[i] * pa;
                        g += p[i + 1] * pa;
                        b += p[i + 2] * pa;
                        a += pa;
                        count++;
                    }
                }

                var o = (dy * dw) + dx;
                rgb[o * 3] = r / count;
                rgb[(o * 3) + 1] = g / count;
                rgb[(o * 3) + 2] = b / count;
                alpha[o] = a / count;
            }
        }

        return (rgb, alpha);
    }

    private static float[] Mirror(float[] values, int width, int height, int channels)
    {
        var m = new float[values.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    m[(((y * width) + (width - 1 - x)) * channels) + c] = values[(((y * width) + x) * channels) + c];
                }
            }
        }

        return m;
    }
}
