namespace Storyboard.Core.Media;

/// <summary>Decodes one segment of a video and writes the sampled frames as JPEG files.</summary>
public interface IFrameExtractor
{
    /// <summary>
    /// Yields each frame as soon as its file is complete, in presentation order, so a caller can
    /// start uploading while decoding continues. Stopping the enumeration stops the decoder.
    /// </summary>
    IAsyncEnumerable<ExtractedFrame> ExtractAsync(FrameExtractionRequest request, CancellationToken cancellationToken);
}
