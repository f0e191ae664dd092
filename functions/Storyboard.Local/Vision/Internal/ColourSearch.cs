namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Finds where a character's colours concentrate: each pixel of a small copy of the frame gets
/// the likelihood ratio P(bin | character) / (P(bin | character) + P(bin | frame)), so colours
/// that fill the whole frame count little; then windows of the character's shape slide over a
/// scale pyramid, scored by the mean inside minus the mean in a surrounding ring (summed-area
/// tables make each window four look-ups).
/// </summary>
internal sealed class ColourSearch
{
    private readonly PyramidLevel small;
    private readonly byte[] bins;
    private readonly float[] frameColour = new float[ColourBins.Count];
    private readonly double factor;
    private double[]? sat;

    public ColourSearch(PyramidLevel small, double factor)
    {
        this.small = small;
        this.factor = factor;
        bins = new byte[small.Width * small.Height];
        var p = small.Pixels;
        for (var i = 0; i < bins.Length; i++)
        {
            bins[i] = (byte)ColourBins.Of(p[i * 3], p[(i * 3) + 1], p[(i * 3) + 2]);
            frameColour[bins[i]]++;
        }

        ReferenceTemplate.Normalise(frameColour);
    }

    public List<Candidate> Find(CharacterModel model, double minHeight, double maxHeight, double minVisible, int count)
    {
        int w = small.Width, h = small.Height, stride = w + 1;
        var weight = new float[ColourBins.Count];
        for (var k = 0; k < weight.Length; k++)
        {
            weight[k] = model.Colour[k] / (model.Colour[k] + frameColour[k] + 1e-3f);
        }

        // One table for every character of the frame: each pass rewrites all of it but the
        // first row and column, which stay zero.
        var sat = this.sat ??= new double[(w + 1) * (h + 1)];
        for (var y = 0; y < h; y++)
        {
            double row = 0;
            for (var x = 0; x < w; x++)
            {
                row += weight[bins[(y * w) + x]];
                sat[((y + 1) * stride) + x + 1] = sat[(y * stride) + x + 1] + row;
            }
        }

        var found = new List<Candidate>();
        for (var wh = minHeight / factor; wh <= maxHeight / factor; wh *= 1.12)
        {
            var ww = wh * model.Aspect;
            var step = Math.Max(1.0, wh / 10);
            double mx = ww * 0.25, my = wh * 0.25;
            for (var y = -wh * 0.5; y <= h - (wh * 0.5); y += step)
            {
                for (var x = -ww * 0.5; x <= w - (ww * 0.5); x += step)
                {
                    var inner = Sum(sat, stride, w, h, x, y, x + ww, y + wh, out var innerArea);
                    if (innerArea < minVisible * ww * wh || innerArea < 4)
                    {
                        continue;
                    }

                    var outer = Sum(sat, stride, w, h, x - mx, y - my, x + ww + mx, y + wh + my, out var outerArea);
                    var ringArea = outerArea - innerArea;
                    var score = (inner / innerArea) - (ringArea > 1 ? (outer - inner) / ringArea : 0);
                    if (score > 0.05)
                    {
                        found.Add(new Candidate(x * factor, y * factor, ww * factor, wh * factor, score));
                    }
                }
            }
        }

        found.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Candidate>();
        foreach (var c in found)
        {
            if (kept.TrueForAll(k => k.IntersectionOverUnion(c) < 0.3))
            {
                kept.Add(c);
                if (kept.Count == count)
                {
                    break;
                }
            }
        }

        return kept;
    }

    /// <summary>Sum over the part of the rectangle inside the image, rounded to whole pixels.</summary>
    private static double Sum(double[] sat, int stride, int w, int h, double x0, double y0, double x1, double y1, out double area)
    {
        int ix0 = Math.Clamp((int)Math.Round(x0), 0, w), iy0 = Math.Clamp((int)Math.Round(y0), 0, h);
        int ix1 = Math.Clamp((int)Math.Round(x1), 0, w), iy1 = Math.Clamp((int)Math.Round(y1), 0, h);
        area = Math.Max(0, ix1 - ix0) * Math.Max(0, iy1 - iy0);
        if (area <= 0)
        {
            return 0;
        }

        return sat[(iy1 * stride) + ix1] - sat[(iy0 * stride) + ix1] - sat[(iy1 * stride) + ix0] + sat[(iy0 * stride) + ix0];
    }
}
