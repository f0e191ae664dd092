using System.Numerics;

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
    /// A frame patch's HOG over only the listed cells (a template's covered cells: the others never
    /// enter a comparison), into <see cref="Patch.Hog"/>. Cells already histogrammed for the patch's
    /// current window (by a mirrored or other same-size template compared there) are kept.
    /// Gradients are worked out for the spans of the missing cells several pixels per instruction,
    /// then each cell is histogrammed from them in the same pixel order as
    /// <see cref="Compute(float[], bool[], int, int)"/>, with the same float operations, so its
    /// values are identical.
    /// </summary>
    public static float[] Compute(Patch patch, int[] cells)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(cells);
        // Gradients only where the missing cells are: per row of cells, from its first to its last one.
        int cx = patch.Width / Cell, cy = patch.Height / Cell;
        Span<int> first = stackalloc int[cy];
        Span<int> last = stackalloc int[cy];
        first.Fill(int.MaxValue);
        last.Fill(-1);
        foreach (var c in cells)
        {
            if (!patch.IsCurrent(c))
            {
                first[c / cx] = Math.Min(first[c / cx], c % cx);
                last[c / cx] = Math.Max(last[c / cx], c % cx);
            }
        }

        for (var r = 0; r < cy; r++)
        {
            if (last[r] >= 0)
            {
                Gradients(patch, r * Cell, (r + 1) * Cell, first[r] * Cell, (last[r] + 1) * Cell);
            }
        }

        foreach (var c in cells)
        {
            if (!patch.IsCurrent(c))
            {
                AccumulateGradients(patch, c);
                patch.MarkCurrent(c);
            }
        }

        return patch.Hog;
    }

    /// <summary>
    /// Central-difference gradients (clamped at the patch border) of every pixel, as two bins and
    /// their votes. Pixels whose neighbours are not valid get values from stale grey levels;
    /// <see cref="AccumulateGradients"/> never reads those.
    /// </summary>
    private static void Gradients(Patch patch, int y0, int y1, int x0, int x1)
    {
        int width = patch.Width, height = patch.Height;
        var grey = patch.Grey;
        var lanes = Vector<float>.Count;
        for (var y = y0; y < y1; y++)
        {
            int row = y * width, up = Math.Max(0, y - 1) * width, down = Math.Min(height - 1, y + 1) * width;
            var x = x0;
            if (x == 0)
            {
                Vote(grey[row + Math.Min(width - 1, 1)] - grey[row], grey[down] - grey[up], patch, row);
                x = 1;
            }

            var interior = Math.Min(x1, width - 1);
            if (Vector.IsHardwareAccelerated)
            {
                for (; x + lanes <= interior; x += lanes)
                {
                    var gx = new Vector<float>(grey, row + x + 1) - new Vector<float>(grey, row + x - 1);
                    var gy = new Vector<float>(grey, down + x) - new Vector<float>(grey, up + x);
                    Vote(gx, gy, patch, row + x);
                }
            }

            for (; x < interior; x++)
            {
                Vote(grey[row + x + 1] - grey[row + x - 1], grey[down + x] - grey[up + x], patch, row + x);
            }

            if (x1 == width)
            {
                var last = width - 1;
                Vote(grey[row + last] - grey[row + last - 1], grey[down + last] - grey[up + last], patch, row + last);
            }
        }
    }

    /// <summary>The per-pixel arithmetic of <see cref="Accumulate"/>, with a flat pixel voting zero into bin 0.</summary>
    private static void Vote(float gx, float gy, Patch patch, int o)
    {
        var mag = MathF.Sqrt((gx * gx) + (gy * gy));
        if (mag < 1e-3f)
        {
            (patch.LowBin[o], patch.HighBin[o], patch.LowVote[o], patch.HighVote[o]) = (0, 0, 0f, 0f);
            return;
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
        patch.LowBin[o] = (b0 + Bins) % Bins;
        patch.HighBin[o] = (b0 + 1) % Bins;
        patch.LowVote[o] = mag * (1 - frac);
        patch.HighVote[o] = mag * frac;
    }

    /// <summary><see cref="Vote(float, float, Patch, int)"/> lane by lane: the same operations in the same order.</summary>
    private static void Vote(Vector<float> gx, Vector<float> gy, Patch patch, int o)
    {
        var pi = new Vector<float>(MathF.PI);
        var mag = Vector.SquareRoot((gx * gx) + (gy * gy));
        Vector<float> ax = Vector.Abs(gx), ay = Vector.Abs(gy);
        var a = Vector.Min(ax, ay) / Vector.Max(ax, ay);
        var s = a * a;
        var r = (((((new Vector<float>(-0.0464964749f) * s) + new Vector<float>(0.15931422f)) * s) - new Vector<float>(0.327622764f)) * s * a) + a;
        r = Vector.ConditionalSelect(Vector.GreaterThan(ay, ax), new Vector<float>(MathF.PI / 2) - r, r);
        r = Vector.ConditionalSelect(Vector.LessThan(gx, Vector<float>.Zero), pi - r, r);
        var angle = Vector.ConditionalSelect(Vector.LessThan(gy, Vector<float>.Zero), -r, r);
        angle = Vector.ConditionalSelect(Vector.LessThan(angle, Vector<float>.Zero), angle + pi, angle);
        angle = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(angle, pi), angle - pi, angle);
        var pos = (angle / pi * new Vector<float>(Bins)) - new Vector<float>(0.5f);

        // Flat pixels (and their NaN angles) are replaced before any conversion.
        var flat = Vector.LessThan(mag, new Vector<float>(1e-3f));
        pos = Vector.ConditionalSelect(flat, Vector<float>.Zero, pos);
        var floor = Vector.Floor(pos);
        var frac = pos - floor;
        var bins = new Vector<float>(Bins);
        var low = Vector.ConditionalSelect(Vector.LessThan(floor, Vector<float>.Zero), floor + bins, floor);
        var high = floor + Vector<float>.One;
        high = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(high, bins), high - bins, high);
        Vector.ConvertToInt32(Vector.ConditionalSelect(flat, Vector<float>.Zero, low)).CopyTo(patch.LowBin, o);
        Vector.ConvertToInt32(Vector.ConditionalSelect(flat, Vector<float>.Zero, high)).CopyTo(patch.HighBin, o);
        Vector.ConditionalSelect(flat, Vector<float>.Zero, mag * (Vector<float>.One - frac)).CopyTo(patch.LowVote, o);
        Vector.ConditionalSelect(flat, Vector<float>.Zero, mag * frac).CopyTo(patch.HighVote, o);
    }

    private static void AccumulateGradients(Patch patch, int c)
    {
        int width = patch.Width, height = patch.Height, cx = width / Cell;
        int x0 = (c % cx) * Cell, y0 = (c / cx) * Cell;
        var cell = c * Bins;
        var hist = patch.Hog.AsSpan(cell, Bins);
        var valid = patch.Valid;
        var inside = patch.Inside;
        hist.Clear();
        for (var y = y0; y < y0 + Cell; y++)
        {
            int row = y * width, up = Math.Max(0, y - 1) * width, down = Math.Min(height - 1, y + 1) * width;
            ReadOnlySpan<int> lowBin = patch.LowBin.AsSpan(row + x0, Cell), highBin = patch.HighBin.AsSpan(row + x0, Cell);
            ReadOnlySpan<float> lowVote = patch.LowVote.AsSpan(row + x0, Cell), highVote = patch.HighVote.AsSpan(row + x0, Cell);
            for (var k = 0; k < Cell; k++)
            {
                // A window inside the frame has every pixel a comparison reads (the cell and its
                // neighbours) valid; only one hanging over the edge needs checking.
                var x = x0 + k;
                if (!inside && !(valid[row + Math.Max(0, x - 1)] && valid[row + Math.Min(width - 1, x + 1)] && valid[up + x] && valid[down + x]))
                {
                    continue;
                }

                // A flat pixel votes zero, which leaves the sums exactly as skipping it would.
                hist[lowBin[k]] += lowVote[k];
                hist[highBin[k]] += highVote[k];
            }
        }

        Normalise(patch.Hog, cell);
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

        Normalise(hist, cell);
    }

    private static void Normalise(float[] hist, int cell)
    {
        var sum = 0f;
        for (var k = 0; k < Bins; k++)
        {
            sum += hist[cell + k] * hist[cell + k];
        }

        var scale = 1f / MathF.Sqrt(sum + (Floor * Floor));
        for (var k = 0; k < Bins; k++)
        {
            hist[cell + k] *= scale;
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
