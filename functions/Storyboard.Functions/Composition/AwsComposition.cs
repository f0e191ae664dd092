using Storyboard.Aws;
using Storyboard.Aws.Captions;
using Storyboard.Aws.Customization;
using Storyboard.Aws.Embeddings;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rendering;
using Storyboard.Aws.S3;
using Storyboard.Aws.Vision;
using Storyboard.Core.Storage;
using Storyboard.Functions.Model;
using Storyboard.Media;
using Storyboard.Media.Rendering;

namespace Storyboard.Functions.Composition;

/// <summary>
/// Composes the real services: Rekognition finds the characters, Titan embeds the crops, Nova Pro
/// captions them, Bedrock fine-tunes and serves the model; ffmpeg still does the media work and
/// the local descriptor still drops near-identical frames before any paid call.
/// </summary>
public static class AwsComposition
{
    public const string Name = "aws";

    /// <summary>Status checks of real jobs: a minute apart (training takes hours; throughput minutes).</summary>
    public const int AwsPollSeconds = 60;

    /// <summary>
    /// The clients with the SDK's default credential chain and the region and endpoint overrides
    /// read through <paramref name="variables"/> (the process environment on Lambda). All clients
    /// share one pooled HttpClient.
    /// </summary>
    public static AwsClients ClientsFrom(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var region = variables("AWS_REGION") is { Length: > 0 } r ? r : variables("AWS_DEFAULT_REGION");
        return AwsClients.Create(new AwsClientOptions { Region = string.IsNullOrWhiteSpace(region) ? null : region, Environment = variables });
    }

    /// <summary>The bucket as a store in the clients' region; frames get <paramref name="frameTag"/> (the stack's lifecycle rule expires them by it).</summary>
    public static S3ObjectStore BucketStore(string bucket, AwsClients clients, ObjectTag? frameTag = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(clients);
        return new S3ObjectStore(S3ObjectStore.CreateDefaultClient(clients.Context.Region, environment), bucket, new S3ObjectStoreOptions(FrameTag: frameTag));
    }

    /// <param name="store">The bucket (Lambda) or the output folder, possibly mirrored to a bucket (hybrid run).</param>
    public static StoryboardServices Create(AwsSettings settings, AwsClients clients, IObjectStore store, string? scratchFolder = null, MediaToolsOptions? media = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(store);
        var ffmpeg = new FfmpegMedia(media);
        var vision = new RekognitionVisionOptions(settings.CollectionId)
        {
            ManageCollection = settings.ManageCollection,
            CustomLabelsProjectVersionArn = settings.CustomLabelsProjectVersionArn,
        };
        return new StoryboardServices(
            Name: Name,
            Bucket: settings.Bucket,
            Store: store,
            Probe: ffmpeg.Probe,
            Frames: ffmpeg.Frames,
            Crops: ffmpeg.Crops,
            Thumbnails: ffmpeg.Thumbnails,
            ReferenceIndexBuilder: new RekognitionCharacterReferenceIndexBuilder(clients.Rekognition, vision),
            Detector: new RekognitionCharacterDetector(clients.Rekognition, vision),
            Embedder: new TitanImageEmbedder(clients.BedrockRuntime, settings.EmbeddingModelId, settings.EmbeddingDimensions),
            Captioner: new NovaProCaptioner(clients.BedrockRuntime, settings.CaptionModelId),
            ScratchFolder: scratchFolder ?? Path.Combine(Path.GetTempPath(), "storyboard-scratch"),
            Clock: TimeProvider.System,
            PollSeconds: AwsPollSeconds)
        {
            FoundationModels = new BedrockFoundationModelCatalog(clients.Bedrock),
        };
    }

    /// <summary>The model steps against Bedrock: customization, provisioned throughput and Nova Canvas rendering.</summary>
    public static ModelServices CreateModel(AwsClients clients, IObjectStore store, ModelSettings settings, MediaToolsOptions? media = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        var ffmpeg = new FfmpegMedia(media);
        return new ModelServices(
            store,
            new BedrockModelCustomizationService(clients.Bedrock, clients.Context.Region),
            new NovaCanvasImageGenerator(clients.BedrockRuntime),
            new FfmpegStoryboardSheetComposer(ffmpeg.Locator, ffmpeg.Runner, ffmpeg.Options),
            settings);
    }
}
