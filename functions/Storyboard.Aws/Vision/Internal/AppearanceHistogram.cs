using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>
/// A character's colour distribution, compared by the Bhattacharyya coefficient, as in
/// kernel-based object tracking (Comaniciu, Ramesh and Meer, 2003): the reference is weighted by
/// its alpha (only the character's own pixels count), a frame region by an Epanechnikov kernel
/// (pixels near the centre of a label's box are the object, those at its edges often background).
/// Colours are binned by hue (16) and saturation (3) when chromatic, by brightness (4) when grey,
/// so shading and compression move few pixels across bins. 1 = same distribution, 0 = disjoint.
/// </summary>
internal sealed class AppearanceHistogram
{
    private const int HueBins = 16;
    private const int SaturationBins = 3;
    private const int GreyBins = 4;
    private const int BinCount = (HueBins * SaturationBins) + GreyBins;

    /// <summary>At most this many samples per side: enough for a distribution, cheap for a large box.</summary>
    private const int SamplesPerSide = 96;

    private readonly double[] _p;

    private AppearanceHistogram(double[] p) => _p = p;

    /// <returns>Null when the reference has no opaque pixel.</returns>
    public static AppearanceHistogram? FromReference(RgbaImage image)
    {
        var hasTransparency = false;
        for (var i = 3; i < image.Pixels.Length && !hasTransparency; i += 4)
        {
            hasTransparency = image.Pixels[i] < 255;
        }

        var p = new double[BinCount];
        int stepX = Math.Max(1, image.Width / SamplesPerSide), stepY = Math.Max(1, image.Height / SamplesPerSide);
        for (var y = 0; y < image.Height; y += stepY)
        {
            for (var x = 0; x < image.Width; x += stepX)
            {
                var i = ((y * image.Width) + x) * 4;
                var weight = hasTransparency
                    ? image.Pixels[i + 3] / 255.0
                    : Kernel(x + 0.5, y + 0.5, 0, 0, image.Width, image.Height); // a photo or a frame grab: weight like a region
                if (weight > 0)
                {
                    p[Bin(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2])] += weight;
                }
            }
        }

        return Normalise(p);
    }

    /// <returns>Null when the region is empty.</returns>
    public static AppearanceHistogram? FromRegion(RgbImage frame, PixelBox box)
    {
        var p = new double[BinCount];
        int stepX = Math.Max(1, box.Width / SamplesPerSide), stepY = Math.Max(1, box.Height / SamplesPerSide);
        for (var y = box.Y; y < box.Y + box.Height; y += stepY)
        {
            for (var x = box.X; x < box.X + box.Width; x += stepX)
            {
                var weight = Kernel(x + 0.5, y + 0.5, box.X, box.Y, box.Width, box.Height);
                if (weight > 0)
                {
                    var i = ((y * frame.Width) + x) * 3;
                    p[Bin(frame.Pixels[i], frame.Pixels[i + 1], frame.Pixels[i + 2])] += weight;
                }
            }
        }

        return Normalise(p);
    }

    /// <summary>The Bhattacharyya coefficient of the two distributions.</summary>
    public double Similarity(AppearanceHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = 0.0;
        for (var i = 0; i < BinCount; i++)
        {
            sum += Math.Sqrt(_p[i] * other._p[i]);
        }

        return Math.Min(1, sum);
    }

    internal static int Bin(byte r, byte g, byte b)
    {
        int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        var value = max / 255.0;
        var saturation = max == 0 ? 0 : (max - min) / (double)max;
        if (saturation < 0.2 || value < 0.15)
        {
            return (HueBins * SaturationBins) + Math.Min(GreyBins - 1, (int)(value * GreyBins));
        }

        double delta = max - min, hue;
        if (max == r)
        {
            hue = (g - b) / delta;
        }
        else if (max == g)
        {
            hue = 2 + ((b - r) / delta);
        }
        else
        {
            hue = 4 + ((r - g) / delta);
        }

        hue = ((hue * 60) + 360) % 360;
        var h = Math.Min(HueBins - 1, (int)(hue / 360 * HueBins));
        var s = saturation < 0.45 ? 0 : saturation < 0.75 ? 1 : 2;
        return (h * SaturationBins) + s;
    }

    /// <summary>Epanechnikov profile over the box: 1 at the centre, 0 on the inscribed ellipse and outside it.</summary>
    private static double Kernel(double x, double y, double left, double top, double width, double height)
    {
        var dx = ((x - left) / width * 2) - 1;
        var dy = ((y - top) / height * 2) - 1;
        return Math.Max(0, 1 - ((dx * dx) + (dy * dy)));
    }

    private static AppearanceHistogram? Normalise(double[] p)
    {
        var total = p.Sum();
        if (total <= 0)
        {
            return null;
        }

        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= total;
        }

        return new AppearanceHistogram(p);
    }
}
