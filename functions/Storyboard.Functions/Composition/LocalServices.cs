using Storyboard.Core.Dataset;
using Storyboard.Local.Captions;
using Storyboard.Local.Vision;
using Storyboard.Media;
using Storyboard.Storage;

namespace Storyboard.Functions.Composition;

/// <summary>Composes the offline stand-ins: a folder plays the bucket, ffmpeg does the media work.</summary>
public static class LocalServices
{
    public const string Name = "local";

    /// <summary>The bucket name a local run uses when none is given (must be a valid S3 bucket name).</summary>
    public const string DefaultBucket = "storyboard-local";

    /// <summary>Status checks of the local dry-run lifecycle need no real waiting.</summary>
    public const int LocalPollSeconds = 1;

    /// <param name="outputFolder">The run folder root: holds <c>uploads/</c>, <c>characters/</c> and <c>runs/</c>.</param>
    /// <param name="bucketName">The bucket the folder stands for; shows in <c>s3://</c> references of the dataset.</param>
    /// <param name="scratchFolder">Working space; defaults to a folder under the system temp folder.</param>
    /// <param name="media">
    /// ffmpeg options (binary locations, limits); when null, the defaults with one decoder thread
    /// per extraction, since a local run already gives each Map child a core of its own.
    /// </param>
    public static StoryboardServices Create(string outputFolder, string bucketName = DefaultBucket, string? scratchFolder = null, MediaToolsOptions? media = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        if (!S3Uri.TryParse($"s3://{bucketName}/x", out _, out var problem))
        {
            throw new ArgumentException($"The bucket name '{bucketName}' is not usable: {problem}.", nameof(bucketName));
        }

        var ffmpeg = new FfmpegMedia(media ?? new MediaToolsOptions { DecoderThreads = 1 });
        return new StoryboardServices(
            Name: Name,
            Bucket: bucketName,
            Store: new LocalFolderObjectStore(outputFolder),
            Probe: ffmpeg.Probe,
            Frames: ffmpeg.Frames,
            Crops: ffmpeg.Crops,
            Thumbnails: ffmpeg.Thumbnails,
            ReferenceIndexBuilder: new LocalCharacterReferenceIndexBuilder(),
            Detector: new ReferenceCharacterDetector(),
            Embedder: new LocalImageDescriptor(),
            Captioner: new TemplateCaptioner(),
            ScratchFolder: scratchFolder ?? Path.Combine(Path.GetTempPath(), "storyboard-scratch"),
            Clock: TimeProvider.System,
            PollSeconds: LocalPollSeconds);
    }
}
