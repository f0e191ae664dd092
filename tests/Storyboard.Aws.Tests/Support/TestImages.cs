using System.Globalization;
using System.Text;
using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Tests.Support;

/// <summary>Small images and model answers made in code (no committed fixtures).</summary>
internal static class TestImages
{
    /// <summary>A diagonal gradient: every pixel differs from its neighbours, so a resize or re-encode shows.</summary>
    public static RgbImage Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                pixels[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                pixels[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                pixels[i + 2] = (byte)((x + y) % 256);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Left half one colour, right half another.</summary>
    public static RgbImage Halves(int width, int height, (byte R, byte G, byte B) left, (byte R, byte G, byte B) right)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = x < width / 2 ? left : right;
                var i = ((y * width) + x) * 3;
                pixels[i] = r;
                pixels[i + 1] = g;
                pixels[i + 2] = b;
            }
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Deterministic noise, which PNG cannot compress.</summary>
    public static RgbImage Noise(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>A JSON array of floats, written the way a service writes them.</summary>
    public static string JsonFloats(IEnumerable<float> values) =>
        "[" + string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    public static string Utf8(byte[] body) => Encoding.UTF8.GetString(body);
}
