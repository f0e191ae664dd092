using Storyboard.Core.Customization;
using Storyboard.Core.Rendering;
using Storyboard.Core.Storage;
using Storyboard.Functions.Composition;
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
    /// <c>STORYBOARD_SERVICES=aws</c> (what the stack sets): the bucket <c>STORYBOARD_BUCKET</c>,
    /// Bedrock customization and Nova Canvas (see <see cref="AwsComposition"/>). Otherwise the
    /// offline composition: the folder <c>STORYBOARD_OUTPUT</c> as the store, the Bedrock dry run
    /// (training data must sit in <c>STORYBOARD_BUCKET</c> when it is set), the dataset previews
    /// and the ffmpeg sheet composer.
    /// </summary>
    /// <exception cref="ServicesNotConfiguredException"><c>STORYBOARD_OUTPUT</c> is not set.</exception>
    public static ModelServices FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(environment("STORYBOARD_SERVICES")?.Trim(), AwsComposition.Name, StringComparison.OrdinalIgnoreCase))
        {
            var bucket = environment("STORYBOARD_BUCKET");
            if (string.IsNullOrWhiteSpace(bucket))
            {
                throw new ServicesNotConfiguredException("STORYBOARD_BUCKET is not set: the model steps read the run's files from the bucket.");
            }

            var clients = AwsComposition.ClientsFrom(environment);
            var store = AwsComposition.BucketStore(bucket.Trim(), clients, environment: environment);
            return AwsComposition.CreateModel(clients, store, ModelSettings.FromEnvironment(environment, dryRun: false));
        }

        var output = environment("STORYBOARD_OUTPUT");
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new ServicesNotConfiguredException("STORYBOARD_OUTPUT is not set; set it to the run folder (the local object store's root).");
        }

        var offlineBucket = environment("STORYBOARD_BUCKET");
        return Offline(new LocalFolderObjectStore(output), ModelSettings.FromEnvironment(environment), string.IsNullOrWhiteSpace(offlineBucket) ? null : offlineBucket);
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
