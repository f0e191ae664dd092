namespace Storyboard.Core.Imaging;

/// <summary>
/// Packed 8-bit RGB pixels, row-major, no padding: the format ffmpeg writes with
/// <c>-f rawvideo -pix_fmt rgb24</c>, so pixel algorithms never need an image codec.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>R, G, B for each pixel, left to right, top to bottom.</summary>
    public byte[] Pixels { get; }

    public (byte R, byte G, byte B) GetPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }
}
