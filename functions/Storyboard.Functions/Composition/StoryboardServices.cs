using Storyboard.Core.Captions;
using Storyboard.Core.Media;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;
using Storyboard.Core.Vision;

namespace Storyboard.Functions.Composition;

/// <summary>
/// The ports every workflow step works through, composed once per process (Lambda) or per run
/// (local). Steps never build adapters themselves, so swapping <c>local</c> for <c>aws</c> is a
/// composition change only.
/// </summary>
/// <param name="Name"><c>local</c> or <c>aws</c>; written to <c>$.run.services</c>.</param>
/// <param name="Bucket">The bucket the store stands for (the <c>s3://</c> host in dataset references).</param>
/// <param name="ScratchFolder">Local working space (Lambda: under /tmp); each step cleans up what it made.</param>
/// <param name="PollSeconds">Wait between status checks of long-running jobs.</param>
public sealed record StoryboardServices(
    string Name,
    string Bucket,
    IObjectStore Store,
    IVideoProbe Probe,
    IFrameExtractor Frames,
    ICropCutter Crops,
    IThumbnailer Thumbnails,
    ICharacterReferenceIndexBuilder ReferenceIndexBuilder,
    ICharacterDetector Detector,
    IImageEmbedder Embedder,
    ICaptioner Captioner,
    string ScratchFolder,
    TimeProvider Clock,
    int PollSeconds)
{
    /// <summary>
    /// Where PrepareRun asks whether the base model can still be fine-tuned (DESIGN §6); null
    /// offline, where nothing is trained and there is nothing to ask.
    /// </summary>
    public IFoundationModelCatalog? FoundationModels { get; init; }

    /// <summary>
    /// The free local descriptor FilterFrames compares consecutive frames with: in AWS mode too,
    /// so near-identical frames are dropped before they reach any paid API (the paid embedder is
    /// for crops only).
    /// </summary>
    public IImageEmbedder FrameDescriptor { get; init; } = new Local.Vision.LocalImageDescriptor();

    /// <summary>
    /// Frames, crops or crop batches a step works on at once. A Lambda function gets a second vCPU
    /// from 1,769 MB (the frame and crop steps are sized for it), and a step that used one core
    /// would pay for both; results are still written in input order, so outputs do not depend on it.
    /// </summary>
    public int Parallelism
    {
        get => _parallelism;
        init => _parallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Parallelism), value, "At least one item at a time.");
    }

    private readonly int _parallelism = Environment.ProcessorCount;
}
