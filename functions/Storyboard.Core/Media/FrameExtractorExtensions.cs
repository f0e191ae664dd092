namespace Storyboard.Core.Media;

public static class FrameExtractorExtensions
{
    /// <summary>Runs the extraction to the end and returns every frame, in presentation order.</summary>
    public static async Task<IReadOnlyList<ExtractedFrame>> ExtractAllAsync(this IFrameExtractor extractor, FrameExtractionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var frames = new List<ExtractedFrame>();
        await foreach (var frame in extractor.ExtractAsync(request, cancellationToken).ConfigureAwait(false))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
