using System.Diagnostics;
using Storyboard.Core.Media;
using Storyboard.Core.Planning;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Samples each segment of a batch with ffmpeg (fixed rate, or scene changes when the plan says
/// so), uploads the frames as <c>frames/&lt;segment&gt;/&lt;ms&gt;.jpg</c> named by their true
/// presentation time, and writes <c>frames-index/&lt;segment&gt;.json</c>. The same decoder pass
/// writes each frame's small PNG working copy (<c>frames-work/&lt;segment&gt;/&lt;ms&gt;.png</c>,
/// <see cref="DetectCharactersStep.WorkingSide"/> px), which FilterFrames and DetectCharacters read
/// in-process instead of starting ffmpeg per frame. Frames a previous attempt left that this one
/// did not produce are deleted, so a re-run leaves exactly one set.
/// </summary>
public sealed class ExtractFramesStep(StoryboardServices services)
{
    public const string State = "ExtractFrames";

    private static readonly TimeSpan SourceValidity = TimeSpan.FromHours(1);

    /// <summary>The working copies are the detector's input size; the frame filters shrink them further.</summary>
    private static readonly ThumbnailSize WorkingCopySize = new(DetectCharactersStep.WorkingSide, DetectCharactersStep.WorkingSide, keepAspect: true);

    public async Task<ExtractFramesOutput> RunAsync(RunContext run, IReadOnlyList<Segment> segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(segments);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var source = await services.Store.GetReadableLocationAsync(run.VideoKey, SourceValidity, cancellationToken).ConfigureAwait(false);
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        // Segments side by side, one decoder each: a lone Map child, or a Lambda's second vCPU, is not left idle.
        var extracted = await InOrder.MapAsync(segments, services.Parallelism, (segment, token) => ExtractAsync(keys, source, scratch, segment, token), cancellationToken).ConfigureAwait(false);
        var manifests = extracted.Select(e => e.Manifest).ToList();
        var total = extracted.Sum(e => e.Frames);

        new StepLog(State, run.RunId, services.Clock).Info("frames extracted", ("segments", segments.Count), ("frames", total), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new ExtractFramesOutput(segments.Select(s => s.Id).ToList(), total, manifests);
    }

    private async ValueTask<(string Manifest, int Frames)> ExtractAsync(RunKeys keys, string source, Scratch scratch, Segment segment, CancellationToken token)
    {
        var sampling = segment.SceneAware
            ? FrameSampling.SceneChange(segment.SceneThreshold, 1 / Math.Max(segment.Fps, 1e-3))
            : FrameSampling.FixedRate(segment.Fps);
        var request = new FrameExtractionRequest(source, new TimeRange(segment.StartSeconds, segment.EndSeconds), sampling, scratch.PathFor(segment.Id), WorkingCopy: WorkingCopySize, ReferenceFramesOnly: segment.ReferenceFramesOnly);
        var frames = await services.Frames.ExtractAllAsync(request, token).ConfigureAwait(false);
        var entries = new List<FrameEntry>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        var writtenWorking = new HashSet<string>(StringComparer.Ordinal);
        foreach (var frame in frames.OrderBy(f => f.TimeSeconds).Take(Math.Max(segment.MaxFrames, 1)))
        {
            var key = keys.Layout.FrameKey(segment.Id, frame.TimeSeconds);
            if (!written.Add(key))
            {
                // Two frames within the same millisecond: the key (and the time) would be the same.
                continue;
            }

            await StoreFiles.UploadAsync(services.Store, frame.Path, key, "image/jpeg", token).ConfigureAwait(false);
            string? workingKey = null;
            if (frame.WorkingCopyPath is { } workingPath)
            {
                workingKey = keys.WorkingFrameKey(segment.Id, frame.TimeSeconds);
                await StoreFiles.UploadAsync(services.Store, workingPath, workingKey, "image/png", token).ConfigureAwait(false);
                writtenWorking.Add(workingKey);
            }

            entries.Add(new FrameEntry(key, frame.TimeSeconds, frame.Width, frame.Height, workingKey));
        }

        await StoreJson.DeleteStaleAsync(services.Store, keys.Layout.SegmentFramesPrefix(segment.Id), written, token).ConfigureAwait(false);
        await StoreJson.DeleteStaleAsync(services.Store, keys.WorkingFramesPrefix(segment.Id), writtenWorking, token).ConfigureAwait(false);
        var manifestKey = keys.FramesManifestKey(segment.Id);
        await StoreJson.WriteAsync(services.Store, manifestKey, new FramesManifest(segment.Id, entries), FunctionsJsonContext.Default.FramesManifest, token).ConfigureAwait(false);
        return (Manifest: manifestKey, Frames: entries.Count);
    }
}
