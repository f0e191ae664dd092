namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Histograms of oriented gradients on a small canonical patch: 6x6-pixel cells, 9 unsigned
/// orientation bins (so a dark-on-light edge matches a light-on-dark one), each cell normalised
/// with a floor so flat cells stay near zero instead of amplifying noise.
/// </summary>
internal static class Hog
{
    public const int Cell = 6;
    public const int Bins = 9;
    private const float Floor = 300f;

    /// <param name="grey">Patch luminance, row-major.</param>
    /// <param name="valid">Pixels that exist (inside the frame); gradients touching others are dropped.</param>
    /// <returns>cellsX * cellsY * Bins values.</returns>
    public static float[] Compute(float[] grey, bool[]? valid, int width, int height)
    {
        int cx = width / Cell, cy = height / Cell;
        var hist = new float[cx * cy * Bins];
        for (var c = 0; c < cx * cy; c++)
        {
            Accumulate(grey, valid, width, height, c, hist);
        }

        return hist;
    }

    /// <summary>
    /// Only the listed cells (a template's covered cells: the others never enter a comparison).
    /// Each cell sees the same pixels in the same order as in a full pass, so its values are identical.
    /// </summary>
    public static float[] Compute(float[] grey, bool[]? valid, int width, int height, int[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var hist = new float[(width / Cell) * (height / Cell) * Bins];
        foreach (var c in cells)
        {
            Accumulate(grey, valid, width, height, c, hist);
        }

        return hist;
    }

    private static void Accumulate(float[] grey, bool[]? valid, int width, int height, int c, float[] hist)
    {
        var cx = width / Cell;
        int x0 = (c % cx) * Cell, y0 = (c / cx) * Cell;
        var cell = c * Bins;
        for (var y = y0; y < y0 + Cell; y++)
        {
            for (var x = x0; x < x0 + Cell; x++)
            {
                int xl = Math.Max(0, x - 1), xr = Math.Min(width - 1, x + 1), yu = Math.Max(0, y - 1), yd = Math.Min(height - 1, y + 1);
                if (valid is not null && !(valid[(y * width) + xl] && valid[(y * width) + xr] && valid[(yu * width) + x] && valid[(yd * width) + x]))
                {
                    continue;
                }

                var gx = grey[(y * width) + xr] - grey[(y * width) + xl];
                var gy = grey[(yd * width) + x] - grey[(yu * width) + x];
                var mag = MathF.Sqrt((gx * gx) + (gy * gy));
                if (mag < 1e-3f)
                {
                    continue;
                }

                var angle = FastAtan2(gy, gx);
                if (angle < 0)
                {
                    angle += MathF.PI;
                }

                if (angle >= MathF.PI)
                {
                    angle -= MathF.PI;
                }

                var pos = (angle / MathF.PI * Bins) - 0.5f;
                var b0 = (int)MathF.Floor(pos);
                var frac = pos - b0;
                var b1 = b0 + 1;
                b0 = (b0 + Bins) % Bins;
                b1 %= Bins;
                hist[cell + b0] += mag * (1 - frac);
                hist[cell + b1] += mag * frac;
            }
        }

        var sum = 0f;
        for (var k = 0; k < Bins; k++)
        {
            sum += hist[cell + k] * hist[cell + k];
        }

        var norm = MathF.Sqrt(sum + (Floor * Floor));
        for (var k = 0; k < Bins; k++)
        {
            hist[cell + k] /= norm;
        }
    }

    /// <summary>atan2 to within about 0.1 degree: far below the 20-degree bins, and several times cheaper.</summary>
    private static float FastAtan2(float y, float x)
    {
        float ax = MathF.Abs(x), ay = MathF.Abs(y);
        var a = MathF.Min(ax, ay) / MathF.Max(ax, ay);
        var s = a * a;
        var r = ((((-0.0464964749f * s) + 0.15931422f) * s) - 0.327622764f) * s * a + a;
        if (ay > ax)
        {
            r = (MathF.PI / 2) - r;
        }

        if (x < 0)
        {
            r = MathF.PI - r;
        }

        return y < 0 ? -r : r;
    }
}
