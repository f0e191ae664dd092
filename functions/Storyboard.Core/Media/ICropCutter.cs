namespace Storyboard.Core.Media;

/// <summary>Cuts several crops out of one still image with a single decode of that image.</summary>
public interface ICropCutter
{
    /// <param name="sourceImage">Local path of a JPEG or PNG frame.</param>
    /// <param name="crops">One or more crops; each is written to its own output path.</param>
    Task CutAsync(string sourceImage, IReadOnlyList<CropRequest> crops, CancellationToken cancellationToken);

    /// <summary>
    /// Cuts the crops of several images. An adapter whose start-up costs more than one image's
    /// work (a process per call) does them together; by default they are cut one image at a time.
    /// </summary>
    async Task CutManyAsync(IReadOnlyList<CropSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            await CutAsync(source.SourceImage, source.Crops, cancellationToken).ConfigureAwait(false);
        }
    }
}
