namespace Storyboard.Core.Media;

/// <summary>Reads a video's container and stream headers without decoding frames.</summary>
public interface IVideoProbe
{
    /// <param name="source">Local file path or http(s) URL; not an object-store key.</param>
    /// <exception cref="NotAVideoException">The input holds no video stream (audio, image, text, empty).</exception>
    /// <exception cref="CorruptVideoException">The input looks like a video but cannot be read.</exception>
    Task<VideoInfo> ProbeAsync(string source, CancellationToken cancellationToken);
}
