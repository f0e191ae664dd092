using Storyboard.Core.Customization;
using Storyboard.Core.Rendering;
using Storyboard.Core.Storage;
using Storyboard.Local.Customization;
using Storyboard.Local.Rendering;
using Storyboard.Media;
using Storyboard.Media.Rendering;
using Storyboard.Storage;

namespace Storyboard.Functions.Model;

/// <summary>
/// What the model and storyboard steps use, composed once per process: the run's store, the
/// customization service, the image generator and the sheet composer.
/// </summary>
public sealed record ModelServices(
    IObjectStore Store,
    IModelCustomizationService Customization,
    IImageGenerator Images,
    IStoryboardSheetComposer Sheets,
    ModelSettings Settings)
{
    private static readonly Lazy<ModelServices> Process = new(() => FromEnvironment(Environment.GetEnvironmentVariable));

    /// <summary>The process-wide composition, built on first use from the environment.</summary>
    public static ModelServices Shared => Process.Value;

    /// <summary>
    /// The offline composition: the folder <c>STORYBOARD_OUTPUT</c> as the store, the Bedrock dry
    /// run (training data must sit in <c>STORYBOARD_BUCKET</c> when it is set), the dataset previews
    /// and the ffmpeg sheet composer.
    /// </summary>
    /// <exception cref="ServicesNotConfiguredException"><c>STORYBOARD_OUTPUT</c> is not set.</exception>
    public static ModelServices FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var output = environment("STORYBOARD_OUTPUT");
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new ServicesNotConfiguredException("STORYBOARD_OUTPUT is not set; set it to the run folder (the local object store's root).");
        }

        var bucket = environment("STORYBOARD_BUCKET");
        return Offline(new LocalFolderObjectStore(output), ModelSettings.FromEnvironment(environment), string.IsNullOrWhiteSpace(bucket) ? null : bucket);
    }

    public static ModelServices Offline(IObjectStore store, ModelSettings settings, string? bucket = null, DryRunOptions? dryRun = null)
    {
        var media = new FfmpegMedia();
        return new ModelServices(
            store,
            new DryRunModelCustomizationService(store, (dryRun ?? new DryRunOptions()) with { ExpectedBucket = bucket ?? dryRun?.ExpectedBucket }),
            new DatasetPreviewGenerator(store),
            new FfmpegStoryboardSheetComposer(media.Locator, media.Runner, media.Options),
            settings);
    }
}
