namespace Storyboard.Core.Imaging;

/// <summary>
/// Turns encoded image bytes (PNG, JPEG, ...) into pixels. A port so that pure code can accept
/// any format an adapter can decode (the PNG decoder in code, or ffmpeg for everything else).
/// </summary>
public interface IImageDecoder
{
    /// <summary>True when this decoder recognises the format from the first bytes.</summary>
    bool CanDecode(ReadOnlySpan<byte> header);

    Task<RgbaImage> DecodeAsync(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken);
}
