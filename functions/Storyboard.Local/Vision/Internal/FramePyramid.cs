using Storyboard.Core.Imaging;

namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// The frame at full, 1/2, 1/4, ... resolution (2x2 box averages). Search runs on a small level;
/// patches are sampled from the level closest to their canonical size, so a large window is
/// area-averaged rather than aliased.
/// </summary>
internal sealed class FramePyramid
{
    private readonly List<RgbImage> levels = [];

    public FramePyramid(RgbImage frame, int smallestSide)
    {
        levels.Add(frame);
        while (Math.Min(levels[^1].Width, levels[^1].Height) / 2 >= smallestSide && levels.Count < 6)
        {
            levels.Add(Half(levels[^1]));
        }
    }

    public int Width => levels[0].Width;

    public int Height => levels[0].Height;

    public int LevelCount => levels.Count;

    public RgbImage Level(int k) => levels[k];

    /// <summary>
    /// Resamples the full-resolution window (x, y, w, h) to dw x dh pixels. Pixels that fall
    /// outside the frame are marked invalid, so characters cut by the frame edge can still be compared.
    /// </summary>
    /// <param name="needed">When given, only these patch pixels are sampled; the rest stay invalid.</param>
    public Patch Sample(double x, double y, double w, double h, int dw, int dh, bool[]? needed = null) =>
        Sample(x, y, w, h, new Patch(dw, dh), needed);

    /// <summary>
    /// As above, into <paramref name="patch"/> (reused scratch). When the patch last held this very
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
            Array.Clear(patch.Valid);
            patch.Window = (x, y, w, h);
        }

        var level = 0;
        while (level + 1 < levels.Count && h / (1 << (level + 1)) >= dh)
        {
            level++;
        }

        var img = levels[level];
        var scale = 1.0 / (1 << level);
        var px = img.Pixels;
        int iw = img.Width, ih = img.Height;

        // Columns repeat on every row: their source positions and weights are worked out once.
        Span<int> columnA = dw <= 512 ? stackalloc int[dw] : new int[dw];
        Span<int> columnB = dw <= 512 ? stackalloc int[dw] : new int[dw];
        Span<float> columnT = dw <= 512 ? stackalloc float[dw] : new float[dw];
        Span<bool> columnInside = dw <= 512 ? stackalloc bool[dw] : new bool[dw];
        for (var i = 0; i < dw; i++)
        {
            var fx = x + ((i + 0.5) * w / dw);
            columnInside[i] = fx >= 0 && fx < Width;
            var lx = (fx * scale) - 0.5;
            var xi = (int)Math.Floor(lx);
            columnT[i] = (float)(lx - xi);
            columnA[i] = Math.Clamp(xi, 0, iw - 1) * 3;
            columnB[i] = Math.Clamp(xi + 1, 0, iw - 1) * 3;
        }

        for (var j = 0; j < dh; j++)
        {
            var fy = y + ((j + 0.5) * h / dh);
            if (fy < 0 || fy >= Height)
            {
                continue;
            }

            var ly = (fy * scale) - 0.5;
            var yi = (int)Math.Floor(ly);
            var ty = (float)(ly - yi);
            int row0 = Math.Clamp(yi, 0, ih - 1) * iw * 3, row1 = Math.Clamp(yi + 1, 0, ih - 1) * iw * 3;
            for (var i = 0; i < dw; i++)
            {
                var o = (j * dw) + i;
                if (!columnInside[i] || (needed is not null && !needed[o]) || patch.Valid[o])
                {
                    continue;
                }

                var tx = columnT[i];
                int a = row0 + columnA[i], b = row0 + columnB[i], c = row1 + columnA[i], d = row1 + columnB[i];
                float w00 = (1 - tx) * (1 - ty), w01 = tx * (1 - ty), w10 = (1 - tx) * ty, w11 = tx * ty;
                var r = (px[a] * w00) + (px[b] * w01) + (px[c] * w10) + (px[d] * w11);
                var g = (px[a + 1] * w00) + (px[b + 1] * w01) + (px[c + 1] * w10) + (px[d + 1] * w11);
                var bl = (px[a + 2] * w00) + (px[b + 2] * w01) + (px[c + 2] * w10) + (px[d + 2] * w11);
                patch.Valid[o] = true;
                patch.Grey[o] = (0.299f * r) + (0.587f * g) + (0.114f * bl);
                patch.Bin[o] = (byte)ColourBins.Of((int)(r + 0.5f), (int)(g + 0.5f), (int)(bl + 0.5f));
                validCount++;
            }
        }

        patch.ValidCount = validCount;
        return patch;
    }

    private static RgbImage Half(RgbImage src)
    {
        int w = src.Width / 2, h = src.Height / 2, sw = src.Width;
        var dst = new byte[w * h * 3];
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

        return new RgbImage(w, h, dst);
    }
}
