namespace Storyboard.Core.Imaging;

/// <summary>
/// Packed 8-bit RGBA pixels, row-major, no padding. Reference images keep their alpha channel
/// because the transparent background of a character sprite tells the detector which pixels
/// belong to the character.
/// </summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 4))
        {
            throw new ArgumentException($"Expected {width * height * 4} bytes for {width}x{height} RGBA, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>R, G, B, A for each pixel, left to right, top to bottom; alpha is not premultiplied.</summary>
    public byte[] Pixels { get; }

    /// <summary>Treats every pixel as opaque, e.g. for a JPEG reference that has no alpha.</summary>
    public static RgbaImage FromRgb(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rgba = new byte[image.Width * image.Height * 4];
        var src = image.Pixels;
        for (int i = 0, j = 0; i < src.Length; i += 3, j += 4)
        {
            rgba[j] = src[i];
            rgba[j + 1] = src[i + 1];
            rgba[j + 2] = src[i + 2];
            rgba[j + 3] = 255;
        }

        return new RgbaImage(image.Width, image.Height, rgba);
    }

    /// <summary>Drops alpha by compositing over a solid colour.</summary>
    public RgbImage ToRgb(byte backgroundR = 0, byte backgroundG = 0, byte backgroundB = 0)
    {
        var rgb = new byte[Width * Height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            var a = Pixels[i + 3];
            rgb[j] = (byte)(((Pixels[i] * a) + (backgroundR * (255 - a)) + 127) / 255);
            rgb[j + 1] = (byte)(((Pixels[i + 1] * a) + (backgroundG * (255 - a)) + 127) / 255);
            rgb[j + 2] = (byte)(((Pixels[i + 2] * a) + (backgroundB * (255 - a)) + 127) / 255);
        }

        return new RgbImage(Width, Height, rgb);
    }
}
