using System.Globalization;
using Storyboard.Core.Models;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Requests;

/// <summary>The image-size rules of an inference request, shared by the request and config validators.</summary>
public static class SizeRules
{
    public static void Check(ProblemList problems, string widthPath, string heightPath, int width, int height, InferenceRules rules)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(rules);
        var sidesOk = true;
        foreach (var (path, side) in new[] { (widthPath, width), (heightPath, height) })
        {
            if (!rules.Side.Contains(side))
            {
                problems.Add(path, side, $"must be {rules.Side} pixels");
                sidesOk = false;
            }
            else if (side % rules.SideMultiple != 0)
            {
                problems.Add(path, side, $"must be a multiple of {rules.SideMultiple} (nearest: {NearestMultiple(side, rules.SideMultiple).ToString(CultureInfo.InvariantCulture)})");
            }
        }

        if (!sidesOk)
        {
            return;
        }

        var pixels = (long)width * height;
        if (pixels > rules.MaxPixels)
        {
            problems.Add(widthPath, $"{width}x{height}", $"width × height = {pixels.ToString("N0", CultureInfo.InvariantCulture)} must be at most {rules.MaxPixels.ToString("N0", CultureInfo.InvariantCulture)} pixels");
        }

        var aspect = (double)Math.Max(width, height) / Math.Min(width, height);
        if (aspect > rules.MaxAspect)
        {
            problems.Add(widthPath, $"{width}x{height}", $"aspect ratio must be between 1:{rules.MaxAspect.ToString(CultureInfo.InvariantCulture)} and {rules.MaxAspect.ToString(CultureInfo.InvariantCulture)}:1");
        }
    }

    private static int NearestMultiple(int value, int multiple) =>
        (int)Math.Round(value / (double)multiple, MidpointRounding.AwayFromZero) * multiple;
}
