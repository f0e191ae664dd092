namespace Storyboard.Core.Media;

/// <summary>Cuts several crops out of one still image with a single decode of that image.</summary>
public interface ICropCutter
{
    /// <param name="sourceImage">Local path of a JPEG or PNG frame.</param>
    /// <param name="crops">One or more crops; each is written to its own output path.</param>
    Task CutAsync(string sourceImage, IReadOnlyList<CropRequest> crops, CancellationToken cancellationToken);
}
