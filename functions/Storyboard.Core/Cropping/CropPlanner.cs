using System.Globalization;
using Storyboard.Core.Models;

namespace Storyboard.Core.Cropping;

/// <summary>
/// Turns a detection box into a crop rectangle and output size. Pure integer geometry so the same
/// box always gives the same pixels, in Lambda and locally.
/// </summary>
public static class CropPlanner
{
    /// <summary>
    /// Pads the box, clamps it to the frame, widens the narrow side inside the frame until the aspect
    /// is within the model's bounds (trimming around the box centre only when the frame itself is too
    /// narrow), rejects crops whose short side is below <see cref="CropPolicy.MinSourceSide"/>, then
    /// scales so the short side is at least <see cref="CropPolicy.OutputMinSide"/> and, when that
    /// allows, the long side at most <see cref="CropPolicy.OutputMaxSide"/>. Output sides are even
    /// because common encoders need them so.
    /// </summary>
    public static CropResult Plan(BoundingBox box, int frameWidth, int frameHeight, CropPolicy policy, DatasetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(limits);
        if (frameWidth <= 0 || frameHeight <= 0)
        {
            return Reject($"the frame size {frameWidth}x{frameHeight} is empty");
        }

        if (!double.IsFinite(box.Left) || !double.IsFinite(box.Top) || !double.IsFinite(box.Width) || !double.IsFinite(box.Height))
        {
            return Reject("the box has a non-finite coordinate");
        }

        if (box.Width <= 0 || box.Height <= 0)
        {
            return Reject($"the box has no area ({F(box.Width)} x {F(box.Height)})");
        }

        var padding = double.IsFinite(policy.PaddingRatio) && policy.PaddingRatio > 0 ? policy.PaddingRatio : 0;
        double bx0 = box.Left * frameWidth, by0 = box.Top * frameHeight;
        double bx1 = bx0 + (box.Width * frameWidth), by1 = by0 + (box.Height * frameHeight);
        if (bx1 <= 0 || by1 <= 0 || bx0 >= frameWidth || by0 >= frameHeight)
        {
            return Reject("the box lies entirely outside the frame");
        }

        var padX = box.Width * frameWidth * padding;
        var padY = box.Height * frameHeight * padding;
        if (!double.IsFinite(bx1) || !double.IsFinite(by1) || !double.IsFinite(padX) || !double.IsFinite(padY))
        {
            return Reject("the box coordinates are too large to be a detection");
        }
        var x0 = ClampFloor(bx0 - padX, frameWidth);
        var y0 = ClampFloor(by0 - padY, frameHeight);
        var x1 = ClampCeil(bx1 + padX, frameWidth);
        var y1 = ClampCeil(by1 + padY, frameHeight);
        if (x1 <= x0 || y1 <= y0)
        {
            return Reject("the box lies entirely outside the frame");
        }

        // Centre of the visible part of the box: trimming, when needed, keeps the character in view.
        var centreX = (Math.Max(bx0, 0) + Math.Min(bx1, frameWidth)) / 2;
        var centreY = (Math.Max(by0, 0) + Math.Min(by1, frameHeight)) / 2;
        FixAspect(ref x0, ref x1, ref y0, ref y1, frameWidth, frameHeight, limits.MaxAspect, centreX, centreY);

        var source = new PixelRect(x0, y0, x1 - x0, y1 - y0);
        var sourceShort = Math.Min(source.Width, source.Height);
        if (sourceShort < policy.MinSourceSide)
        {
            return Reject($"the crop is {source.Width}x{source.Height} px; its short side is below the minimum of {policy.MinSourceSide} px (crop.minSourceSide)");
        }

        return SizeOutput(source, policy, limits);
    }

    private static CropResult SizeOutput(PixelRect source, CropPolicy policy, DatasetLimits limits)
    {
        double w = source.Width, h = source.Height;
        var shortSide = Math.Min(w, h);
        var longSide = Math.Max(w, h);
        var minShort = Math.Max(policy.OutputMinSide, limits.Side.Min);
        var maxLong = Math.Min(policy.OutputMaxSide, limits.Side.Max);

        var scale = 1.0;
        if (longSide * scale > maxLong)
        {
            scale = maxLong / longSide;
        }

        if (shortSide * scale < minShort)
        {
            // The model's minimum side is a hard limit; outputMaxSide is a preference.
            scale = minShort / shortSide;
        }

        if (longSide * scale > limits.Side.Max)
        {
            scale = limits.Side.Max / longSide;
        }

        if (w * h * scale * scale > limits.MaxPixels)
        {
            scale = Math.Sqrt(limits.MaxPixels / (w * h));
        }

        var outW = EvenRound(w * scale);
        var outH = EvenRound(h * scale);
        outW = Math.Max(outW, EvenCeil(limits.Side.Min));
        outH = Math.Max(outH, EvenCeil(limits.Side.Min));

        // Rounding both sides to even can tip the aspect a hair past the bound; trim the long side.
        if (outW > outH * limits.MaxAspect)
        {
            outW = EvenFloor(outH * limits.MaxAspect);
        }
        else if (outH > outW * limits.MaxAspect)
        {
            outH = EvenFloor(outW * limits.MaxAspect);
        }

        var problem = OutputProblem(outW, outH, limits);
        if (problem is not null)
        {
            return Reject($"no output size for a {source.Width}x{source.Height} crop meets the model's limits ({problem}); check crop.outputMinSide and crop.outputMaxSide");
        }

        return new CropPlan(source, outW, outH, Math.Min(outW, outH) / shortSide);
    }

    /// <summary>Null when the size meets every dataset limit, else the first broken one.</summary>
    public static string? OutputProblem(int width, int height, DatasetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!limits.Side.Contains(width) || !limits.Side.Contains(height))
        {
            return $"{width}x{height}: each side must be {limits.Side} px";
        }

        if ((long)width * height > limits.MaxPixels)
        {
            return $"{width}x{height}: more than {limits.MaxPixels:N0} pixels";
        }

        if (Math.Max(width, height) > Math.Min(width, height) * limits.MaxAspect)
        {
            return $"{width}x{height}: aspect beyond 1:{limits.MaxAspect:0.##}..{limits.MaxAspect:0.##}:1";
        }

        return null;
    }

    private static void FixAspect(ref int x0, ref int x1, ref int y0, ref int y1, int frameW, int frameH, double maxAspect, double centreX, double centreY)
    {
        var w = x1 - x0;
        var h = y1 - y0;
        if (w > h * maxAspect)
        {
            var needH = (int)Math.Ceiling(w / maxAspect);
            if (needH <= frameH)
            {
                Grow(ref y0, ref y1, needH, frameH);
            }
            else
            {
                y0 = 0;
                y1 = frameH;
                Trim(ref x0, ref x1, (int)Math.Floor(frameH * maxAspect), centreX, frameW);
            }
        }
        else if (h > w * maxAspect)
        {
            var needW = (int)Math.Ceiling(h / maxAspect);
            if (needW <= frameW)
            {
                Grow(ref x0, ref x1, needW, frameW);
            }
            else
            {
                x0 = 0;
                x1 = frameW;
                Trim(ref y0, ref y1, (int)Math.Floor(frameW * maxAspect), centreY, frameH);
            }
        }
    }

    /// <summary>Widens [lo, hi) to <paramref name="size"/> around its middle, sliding it back inside [0, limit).</summary>
    private static void Grow(ref int lo, ref int hi, int size, int limit)
    {
        var extra = size - (hi - lo);
        lo -= extra / 2;
        hi = lo + size;
        Slide(ref lo, ref hi, limit);
    }

    private static void Trim(ref int lo, ref int hi, int size, double centre, int limit)
    {
        size = Math.Max(1, Math.Min(size, hi - lo));
        lo = (int)Math.Round(centre - (size / 2.0), MidpointRounding.AwayFromZero);
        lo = Math.Max(lo, 0);
        hi = lo + size;
        Slide(ref lo, ref hi, limit);
    }

    private static void Slide(ref int lo, ref int hi, int limit)
    {
        if (lo < 0)
        {
            hi -= lo;
            lo = 0;
        }

        if (hi > limit)
        {
            lo -= hi - limit;
            hi = limit;
        }
    }

    private static int ClampFloor(double value, int limit) => (int)Math.Clamp(Math.Floor(value), 0, limit);

    private static int ClampCeil(double value, int limit) => (int)Math.Clamp(Math.Ceiling(value), 0, limit);

    private static int EvenRound(double value) => 2 * (int)Math.Round(value / 2, MidpointRounding.AwayFromZero);

    private static int EvenFloor(double value) => 2 * (int)Math.Floor(value / 2);

    private static int EvenCeil(double value) => 2 * (int)Math.Ceiling(value / 2);

    private static CropRejection Reject(string reason) => new(reason);

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
