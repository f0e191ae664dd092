using Storyboard.Core.Vision;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>A whole-pixel rectangle inside an image.</summary>
internal readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    /// <summary>The pixels a ratio box covers, clipped to the image; null when nothing is left.</summary>
    public static PixelBox? FromRelative(RelativeBox box, int imageWidth, int imageHeight)
    {
        var x0 = (int)Math.Floor(Math.Clamp(box.Left, 0, 1) * imageWidth);
        var y0 = (int)Math.Floor(Math.Clamp(box.Top, 0, 1) * imageHeight);
        var x1 = (int)Math.Ceiling(Math.Clamp(box.Right, 0, 1) * imageWidth);
        var y1 = (int)Math.Ceiling(Math.Clamp(box.Bottom, 0, 1) * imageHeight);
        return x1 > x0 && y1 > y0 ? new PixelBox(x0, y0, x1 - x0, y1 - y0) : null;
    }

    public RelativeBox ToRelative(int imageWidth, int imageHeight) =>
        new((double)X / imageWidth, (double)Y / imageHeight, (double)Width / imageWidth, (double)Height / imageHeight);
}
