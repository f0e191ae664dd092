using Storyboard.Aws.Rekognition;
using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>Pixels prepared the way Rekognition's image rules need them (PNG, 80 px minimum, byte limit).</summary>
internal static class RekognitionImages
{
    /// <summary>Rekognition rejects images narrower or lower than this.</summary>
    public const int MinSide = 80;

    public static RgbImage Crop(RgbImage image, PixelBox box)
    {
        var pixels = new byte[box.Width * box.Height * 3];
        for (var y = 0; y < box.Height; y++)
        {
            Buffer.BlockCopy(image.Pixels, (((box.Y + y) * image.Width) + box.X) * 3, pixels, y * box.Width * 3, box.Width * 3);
        }

        return new RgbImage(box.Width, box.Height, pixels);
    }

    /// <summary>
    /// Composites a reference over white (a transparent sprite background would otherwise be
    /// whatever colour the encoder left under it) and pads it to Rekognition's minimum size.
    /// </summary>
    public static RgbImage Flatten(RgbaImage image)
    {
        var rgb = image.ToRgb(255, 255, 255);
        if (rgb.Width >= MinSide && rgb.Height >= MinSide)
        {
            return rgb;
        }

        int w = Math.Max(MinSide, rgb.Width), h = Math.Max(MinSide, rgb.Height);
        var pixels = new byte[w * h * 3];
        Array.Fill(pixels, (byte)255);
        int ox = (w - rgb.Width) / 2, oy = (h - rgb.Height) / 2;
        for (var y = 0; y < rgb.Height; y++)
        {
            Buffer.BlockCopy(rgb.Pixels, y * rgb.Width * 3, pixels, (((oy + y) * w) + ox) * 3, rgb.Width * 3);
        }

        return new RgbImage(w, h, pixels);
    }

    /// <summary>PNG bytes within <paramref name="maxBytes"/>, halving the image until they fit (boxes are ratios, so scale does not change them).</summary>
    public static byte[] EncodeWithin(RgbImage image, int maxBytes = RekognitionClient.MaxImageBytes)
    {
        var bytes = PngEncoder.Encode(image);
        while (bytes.Length > maxBytes && image.Width >= 2 * MinSide && image.Height >= 2 * MinSide)
        {
            image = Halve(image);
            bytes = PngEncoder.Encode(image);
        }

        return bytes;
    }

    private static RgbImage Halve(RgbImage image)
    {
        int w = image.Width / 2, h = image.Height / 2;
        var src = image.Pixels;
        var dst = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var a = (((2 * y) * image.Width) + (2 * x)) * 3;
                var b = a + (image.Width * 3);
                for (var c = 0; c < 3; c++)
                {
                    dst[(((y * w) + x) * 3) + c] = (byte)((src[a + c] + src[a + 3 + c] + src[b + c] + src[b + 3 + c] + 2) / 4);
                }
            }
        }

        return new RgbImage(w, h, dst);
    }
}
