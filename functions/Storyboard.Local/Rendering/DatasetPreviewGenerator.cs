using System.Globalization;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Rendering;
using Storyboard.Core.Storage;

namespace Storyboard.Local.Rendering;

/// <summary>
/// The offline stand-in for text-to-image: for each prompt, the run's own dataset crops whose
/// captions and characters match it best (<see cref="PromptMatcher"/>). It generates nothing, and
/// says so in <see cref="GeneratedImages.Service"/> and in every image's provenance; the panels
/// show what the model was trained on for that scene, which is what a reviewer checks first.
/// </summary>
public sealed class DatasetPreviewGenerator(IObjectStore store) : IImageGenerator
{
    public const string Service = "Storyboard preview (offline): the dataset's own crops that best match each prompt; no image was generated";

    public async Task<GeneratedImages> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = await ReadItemsAsync(request.DatasetItemsKey, cancellationToken).ConfigureAwait(false);
        var matcher = new PromptMatcher([.. items.Select(i => new MatchCandidate(i.ImageRef, i.Caption, i.Characters))]);
        var chosen = matcher.Rank(request.Parameters.Text).Take(request.Parameters.NumberOfImages).ToList();

        var images = new List<GeneratedImage>(chosen.Count);
        foreach (var match in chosen)
        {
            var key = KeyOf(match.Candidate.Id);
            var png = await store.ReadBytesAsync(key, cancellationToken).ConfigureAwait(false);
            images.Add(new GeneratedImage(png, string.Create(
                CultureInfo.InvariantCulture,
                $"dataset crop {key} (match {match.Score:0.000}: cast {match.CastScore:0.000}, caption {match.TextScore:0.000}; caption \"{match.Candidate.Caption}\")")));
        }

        return new GeneratedImages(images, Service, Generated: false);
    }

    private async Task<List<DatasetItem>> ReadItemsAsync(string itemsKey, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(itemsKey, cancellationToken).ConfigureAwait(false))
        {
            throw new ObjectNotFoundException($"No dataset provenance at '{itemsKey}': the storyboard previews are drawn from the run's dataset; run BuildDataset first.");
        }

        var items = new List<DatasetItem>();
        await using var stream = await store.OpenReadAsync(itemsKey, cancellationToken).ConfigureAwait(false);
        await foreach (var item in JsonLines.ReadAsync(stream, CoreJsonContext.Default.DatasetItem, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items.Count > 0
            ? items
            : throw new ObjectNotFoundException($"The dataset provenance '{itemsKey}' lists no images, so there is nothing to preview.");
    }

    /// <summary>Training manifests refer to images by S3 URI; the store is addressed by key.</summary>
    private static string KeyOf(string imageRef) =>
        S3Uri.TryParse(imageRef, out var uri, out _) ? uri.Key : imageRef;
}
