namespace Storyboard.Core.Media;

/// <summary>
/// A rectangle in source-image pixels. It may reach past the image edges (padding around a
/// character near the border); the part outside the image is filled with black.
/// </summary>
public sealed record PixelRect
{
    public PixelRect(int x, int y, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    public int X { get; }

    public int Y { get; }

    public int Width { get; }

    public int Height { get; }
}
