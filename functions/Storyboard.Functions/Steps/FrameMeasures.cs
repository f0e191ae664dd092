using Storyboard.Core.Imaging;

namespace Storyboard.Functions.Steps;

/// <summary>Cheap per-frame measurements on a thumbnail, used to drop frames before any paid call.</summary>
public static class FrameMeasures
{
    /// <summary>Mean Rec. 601 luma, 0..255.</summary>
    public static double MeanLuma(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var luma = Luma(image);
        return luma.Average();
    }

    /// <summary>
    /// Variance of the 4-neighbour Laplacian of the luma: high when edges are sharp, near zero
    /// when the picture is smeared (motion blur, out of focus) or flat.
    /// </summary>
    public static double LaplacianVariance(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var luma = Luma(image);
        int w = image.Width, h = image.Height;
        if (w < 3 || h < 3)
        {
            return 0;
        }

        double sum = 0, sumSquares = 0;
        var count = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = (y * w) + x;
                var value = luma[i - 1] + luma[i + 1] + luma[i - w] + luma[i + w] - (4 * luma[i]);
                sum += value;
                sumSquares += value * value;
                count++;
            }
        }

        var mean = sum / count;
        return (sumSquares / count) - (mean * mean);
    }

    private static double[] Luma(RgbImage image)
    {
        var pixels = image.Pixels;
        var luma = new double[image.Width * image.Height];
        for (int i = 0, j = 0; j < luma.Length; i += 3, j++)
        {
            luma[j] = (0.299 * pixels[i]) + (0.587 * pixels[i + 1]) + (0.114 * pixels[i + 2]);
        }

        return luma;
    }
}
