namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Quantises colours into coarse hue/saturation/value bins. Coarse on purpose: the same
/// character must land in the same bins after scaling, H.264 chroma subsampling and blur.
/// Bin 0 is near-black, bins 1-4 are greys by value, the rest are 12 hues x 2 saturations x 2 values.
/// </summary>
internal static class ColourBins
{
    public const int Count = 1 + 4 + (12 * 2 * 2);

    private static readonly byte[] Lut = BuildLut();

    /// <summary>Bin of an 8-bit RGB colour, via a 32x32x32 look-up table.</summary>
    public static int Of(int r, int g, int b) => Lut[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)];

    private static byte[] BuildLut()
    {
        var lut = new byte[32 * 32 * 32];
        for (var r = 0; r < 32; r++)
        {
            for (var g = 0; g < 32; g++)
            {
                for (var b = 0; b < 32; b++)
                {
                    lut[(r << 10) | (g << 5) | b] = (byte)Compute(((r << 3) + 4) / 255.0, ((g << 3) + 4) / 255.0, ((b << 3) + 4) / 255.0);
                }
            }
        }

        return lut;
    }

    private static int Compute(double r, double g, double b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var v = max;
        var s = max <= 0 ? 0 : (max - min) / max;
        if (v < 0.16)
        {
            return 0;
        }

        if (s < 0.22)
        {
            return 1 + Math.Min(3, (int)((v - 0.16) / 0.21));
        }

        double h;
        var d = max - min;
        if (max == r)
        {
            h = ((g - b) / d) + (g < b ? 6 : 0);
        }
        else if (max == g)
        {
            h = ((b - r) / d) + 2;
        }
        else
        {
            h = ((r - g) / d) + 4;
        }

        var hue = Math.Min(11, (int)(h * 2));
        var sat = s < 0.5 ? 0 : 1;
        var val = v < 0.55 ? 0 : 1;
        return 5 + (((hue * 2) + sat) * 2) + val;
    }
}
