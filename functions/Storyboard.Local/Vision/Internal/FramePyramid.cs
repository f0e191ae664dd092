using System.Buffers;
using Storyboard.Core.Imaging;

namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// The frame at full, 1/2, 1/4, ... resolution (2x2 box averages). Search runs on a small level;
/// patches are sampled from the level closest to their canonical size, so a large window is
/// area-averaged rather than aliased. A level pixel's luminance and colour bin are worked out
/// once, the first time a patch is sampled there, instead of once per sampled patch pixel.
/// The smaller levels and those planes are megabytes per frame at 720p, so they are rented and
/// given back on disposal rather than allocated (and zeroed, and faulted in) for every frame.
/// </summary>
internal sealed class FramePyramid : IDisposable
{
    private readonly List<PyramidLevel> levels = [];
    private readonly List<Plane?> planes = [];

    public FramePyramid(RgbImage frame, int smallestSide)
    {
        ArgumentNullException.ThrowIfNull(frame);
        levels.Add(new PyramidLevel(frame.Width, frame.Height, frame.Pixels));
        while (Math.Min(levels[^1].Width, levels[^1].Height) / 2 >= smallestSide && levels.Count < 6)
        {
            levels.Add(Half(levels[^1]));
        }

        planes.AddRange(levels.Select(_ => (Plane?)null));
    }

    public void Dispose()
    {
        for (var k = 0; k < planes.Count; k++)
        {
            planes[k]?.Dispose();
            planes[k] = null;
        }

        // Level 0 is the caller's frame; the others were rented.
        for (var k = 1; k < levels.Count; k++)
        {
            ArrayPool<byte>.Shared.Return(levels[k].Pixels);
        }

        levels.RemoveRange(1, levels.Count - 1);
    }

    public int Width => levels[0].Width;

    public int Height => levels[0].Height;

    public int LevelCount => levels.Count;

    /// <summary>Level k; its pixel array may be longer than Width x Height x 3 (it is rented).</summary>
    public PyramidLevel Level(int k) => levels[k];

    /// <summary>
    /// Resamples the full-resolution window (x, y, w, h) to dw x dh pixels. Pixels that fall
    /// outside the frame are marked invalid, so characters cut by the frame edge can still be compared.
    /// </summary>
    /// <param name="needed">When given, only these patch pixels are sampled; the rest stay invalid.</param>
    public Patch Sample(double x, double y, double w, double h, int dw, int dh, bool[]? needed = null) =>
        Sample(x, y, w, h, new Patch(dw, dh), needed);

    /// <summary>
    /// As above, into <paramref name="patch"/> (reused scratch). Luminance is interpolated
    /// bilinearly; the colour bin is that of the nearest level pixel (bins are coarse, and the blend
    /// of two colours at an edge is neither's colour anyway). When the patch last held this very
    /// window (a mirrored or other same-size template compared at the same place), the pixels it
    /// already has are kept and only the missing ones are sampled; otherwise it starts empty.
    /// </summary>
    public Patch Sample(double x, double y, double w, double h, Patch patch, bool[]? needed)
    {
        ArgumentNullException.ThrowIfNull(patch);
        int dw = patch.Width, dh = patch.Height;
        var validCount = 0;
        if (patch.Window == (x, y, w, h))
        {
            validCount = patch.ValidCount;
        }
        else
        {
            patch.Forget();
            patch.Window = (x, y, w, h);
        }

        var level = 0;
        while (level + 1 < levels.Count && h / (1 << (level + 1)) >= dh)
        {
            level++;
        }

        var plane = PlaneOf(level);
        var (grey, bins) = (plane.Grey, plane.Bin);
        var scale = 1.0 / (1 << level);
        int iw = levels[level].Width, ih = levels[level].Height;

        // Columns repeat on every row: their source positions and weights are worked out once.
        // Window columns inside the frame are one run, [first, end).
        Span<int> columnA = dw <= 512 ? stackalloc int[dw] : new int[dw];
        Span<int> columnB = dw <= 512 ? stackalloc int[dw] : new int[dw];
        Span<int> columnNearest = dw <= 512 ? stackalloc int[dw] : new int[dw];
        Span<float> columnT = dw <= 512 ? stackalloc float[dw] : new float[dw];
        int first = dw, end = 0;
        for (var i = 0; i < dw; i++)
        {
            var fx = x + ((i + 0.5) * w / dw);
            if (fx >= 0 && fx < Width)
            {
                first = Math.Min(first, i);
                end = i + 1;
            }

            var lx = (fx * scale) - 0.5;
            var xi = (int)Math.Floor(lx);
            columnT[i] = (float)(lx - xi);
            columnA[i] = Math.Clamp(xi, 0, iw - 1);
            columnB[i] = Math.Clamp(xi + 1, 0, iw - 1);
            columnNearest[i] = columnT[i] < 0.5f ? columnA[i] : columnB[i];
        }

        var inside = first == 0 && end == dw;
        if (first >= end)
        {
            patch.ValidCount = validCount;
            patch.Inside = false;
            return patch; // the whole window is beside the frame
        }

        int fromColumn = columnA[first], toColumn = columnB[end - 1] + 1;
        for (var j = 0; j < dh; j++)
        {
            var fy = y + ((j + 0.5) * h / dh);
            if (fy < 0 || fy >= Height)
            {
                inside = false;
                continue;
            }

            var ly = (fy * scale) - 0.5;
            var yi = (int)Math.Floor(ly);
            var ty = (float)(ly - yi);
            int r0 = Math.Clamp(yi, 0, ih - 1), r1 = Math.Clamp(yi + 1, 0, ih - 1);
            plane.Fill(r0, fromColumn, toColumn);
            plane.Fill(r1, fromColumn, toColumn);

            // Row views let the loop below run without most bounds checks.
            ReadOnlySpan<float> grey0 = grey.AsSpan(r0 * iw, iw), grey1 = grey.AsSpan(r1 * iw, iw);
            ReadOnlySpan<byte> nearestBins = bins.AsSpan((ty < 0.5f ? r0 : r1) * iw, iw);
            ReadOnlySpan<bool> neededRow = needed is null ? default : needed.AsSpan(j * dw, dw);
            Span<bool> validRow = patch.Valid.AsSpan(j * dw, dw);
            Span<float> greyRow = patch.Grey.AsSpan(j * dw, dw);
            Span<byte> binRow = patch.Bin.AsSpan(j * dw, dw);
            for (var i = first; i < end; i++)
            {
                if (validRow[i] || (needed is not null && !neededRow[i]))
                {
                    continue;
                }

                var tx = columnT[i];
                int a = columnA[i], b = columnB[i];
                var top = grey0[a] + (tx * (grey0[b] - grey0[a]));
                var bottom = grey1[a] + (tx * (grey1[b] - grey1[a]));
                validRow[i] = true;
                greyRow[i] = top + (ty * (bottom - top));
                binRow[i] = nearestBins[columnNearest[i]];
                validCount++;
            }
        }

        patch.ValidCount = validCount;
        patch.Inside = inside;
        return patch;
    }

    private Plane PlaneOf(int level) => planes[level] ??= new Plane(levels[level]);

    private static PyramidLevel Half(PyramidLevel src)
    {
        int w = src.Width / 2, h = src.Height / 2, sw = src.Width;
        var dst = ArrayPool<byte>.Shared.Rent(w * h * 3);
        var s = src.Pixels;
        for (var y = 0; y < h; y++)
        {
            var r0 = 2 * y * sw * 3;
            var r1 = r0 + (sw * 3);
            var o = y * w * 3;
            for (var x = 0; x < w; x++, o += 3)
            {
                var i = x * 6;
                dst[o] = (byte)((s[r0 + i] + s[r0 + i + 3] + s[r1 + i] + s[r1 + i + 3] + 2) >> 2);
                dst[o + 1] = (byte)((s[r0 + i + 1] + s[r0 + i + 4] + s[r1 + i + 1] + s[r1 + i + 4] + 2) >> 2);
                dst[o + 2] = (byte)((s[r0 + i + 2] + s[r0 + i + 5] + s[r1 + i + 2] + s[r1 + i + 5] + 2) >> 2);
            }
        }

        return new PyramidLevel(w, h, dst);
    }

    /// <summary>
    /// A level's luminance and colour bin per pixel, filled in as patches are sampled: each row
    /// holds one run of columns, widened when a window reaches past it.
    /// </summary>
    private sealed class Plane(PyramidLevel level) : IDisposable
    {
        private readonly int[] from = new int[level.Height];
        private readonly int[] to = new int[level.Height];

        /// <summary>Rented, so longer than the level and holding stale values outside the filled runs.</summary>
        public float[] Grey { get; } = ArrayPool<float>.Shared.Rent(level.Width * level.Height);

        public byte[] Bin { get; } = ArrayPool<byte>.Shared.Rent(level.Width * level.Height);

        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Grey);
            ArrayPool<byte>.Shared.Return(Bin);
        }

        public void Fill(int row, int fromColumn, int toColumn)
        {
            if (from[row] == to[row])
            {
                Compute(row, fromColumn, toColumn);
                (from[row], to[row]) = (fromColumn, toColumn);
            }
            else if (fromColumn < from[row] || toColumn > to[row])
            {
                Compute(row, Math.Min(fromColumn, from[row]), from[row]);
                Compute(row, to[row], Math.Max(toColumn, to[row]));
                (from[row], to[row]) = (Math.Min(fromColumn, from[row]), Math.Max(toColumn, to[row]));
            }
        }

        private void Compute(int row, int fromColumn, int toColumn)
        {
            var px = level.Pixels;
            for (int i = (row * level.Width) + fromColumn, end = (row * level.Width) + toColumn; i < end; i++)
            {
                int r = px[i * 3], g = px[(i * 3) + 1], b = px[(i * 3) + 2];
                Grey[i] = (0.299f * r) + (0.587f * g) + (0.114f * b);
                Bin[i] = (byte)ColourBins.Of(r, g, b);
            }
        }
    }
}
