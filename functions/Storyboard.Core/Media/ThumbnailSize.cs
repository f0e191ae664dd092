namespace Storyboard.Core.Media;

/// <summary>Size of a raw RGB thumbnail.</summary>
/// <param name="Width">Exact width, or the largest width when <paramref name="KeepAspect"/>.</param>
/// <param name="Height">Exact height, or the largest height when <paramref name="KeepAspect"/>.</param>
/// <param name="KeepAspect">Fit inside Width x Height keeping the source's aspect ratio, instead of stretching to it.</param>
public sealed record ThumbnailSize
{
    public ThumbnailSize(int width, int height, bool keepAspect)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 4096);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 4096);
        Width = width;
        Height = height;
        KeepAspect = keepAspect;
    }

    public int Width { get; }

    public int Height { get; }

    public bool KeepAspect { get; }
}
