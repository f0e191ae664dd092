namespace Storyboard.Local.Vision.Internal;

/// <summary>Compares a resampled frame window with a reference template.</summary>
internal static class TemplateMatcher
{
    public static MatchScore Score(ReferenceTemplate t, Patch p)
    {
        var mask = t.Mask;

        // Colour and appearance under the mask, only where the window is inside the frame.
        Span<float> hist = stackalloc float[ColourBins.Count];
        hist.Clear();

        // The template's side of each product is precomputed; sums run in the same order as ever.
        double maskIn = 0, maskAll = t.MaskTotal, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var masked = t.Masked;
        double[] ma = t.MaskedGrey, maa = t.MaskedGreySquared;
        bool[] valid = p.Valid;
        float[] grey = p.Grey;
        byte[] bin = p.Bin;
        if (p.Inside)
        {
            // Every masked pixel was sampled, so the template's sums are the ones it keeps.
            (maskIn, sx, sxx) = (t.MaskedSum, t.MaskedGreySum, t.MaskedGreySquaredSum);
            for (var k = 0; k < masked.Length; k++)
            {
                var i = masked[k];
                var m = mask[i];
                hist[bin[i]] += m;
                double b = grey[i], mb = m * b;
                sy += mb;
                syy += mb * b;
                sxy += ma[k] * b;
            }
        }
        else
        {
            for (var k = 0; k < masked.Length; k++)
            {
                var i = masked[k];
                if (!valid[i])
                {
                    continue;
                }

                var m = mask[i];
                maskIn += m;
                hist[bin[i]] += m;
                double b = grey[i], mb = m * b;
                sx += ma[k];
                sy += mb;
                sxx += maa[k];
                syy += mb * b;
                sxy += ma[k] * b;
            }
        }

        var sw = maskIn;
        var visible = maskAll > 0 ? maskIn / maskAll : 0;
        if (sw < 1)
        {
            return new MatchScore(0, 0, 0, visible);
        }

        double bc = 0;
        for (var k = 0; k < ColourBins.Count; k++)
        {
            if (hist[k] > 0 && t.Colour[k] > 0)
            {
                bc += Math.Sqrt(hist[k] / sw * t.Colour[k]);
            }
        }

        var vx = (sxx / sw) - ((sx / sw) * (sx / sw));
        var vy = (syy / sw) - ((sy / sw) * (sy / sw));
        var appearance = vx > 1 && vy > 1 ? ((sxy / sw) - ((sx / sw) * (sy / sw))) / Math.Sqrt(vx * vy) : 0;

        // Shape: HOG correlation over covered cells that are mostly inside the frame.
        var hog = Hog.Compute(p, t.Cells);
        var cx = t.Width / Hog.Cell;
        double ha = 0, hb = 0, haa = 0, hbb = 0, hab = 0;
        var count = 0;
        foreach (var c in t.Cells)
        {
            int ox = (c % cx) * Hog.Cell, oy = (c / cx) * Hog.Cell;
            if (!p.Valid[((oy + (Hog.Cell / 2)) * p.Width) + ox + (Hog.Cell / 2)])
            {
                continue;
            }

            for (var k = 0; k < Hog.Bins; k++)
            {
                double a = t.HogFeatures[(c * Hog.Bins) + k], b = hog[(c * Hog.Bins) + k];
                ha += a;
                hb += b;
                haa += a * a;
                hbb += b * b;
                hab += a * b;
                count++;
            }
        }

        double shape = 0;
        if (count >= 4 * Hog.Bins)
        {
            var va = (haa / count) - ((ha / count) * (ha / count));
            var vb = (hbb / count) - ((hb / count) * (hb / count));
            shape = va > 1e-9 && vb > 1e-9 ? ((hab / count) - ((ha / count) * (hb / count))) / Math.Sqrt(va * vb) : 0;
        }

        return new MatchScore(shape, bc, appearance, visible);
    }
}
