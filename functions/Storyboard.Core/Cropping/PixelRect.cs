namespace Storyboard.Core.Cropping;

/// <summary>An integer rectangle in frame pixels; <see cref="X"/>/<see cref="Y"/> are the top-left corner.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}
