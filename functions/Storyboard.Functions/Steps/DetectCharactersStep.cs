using System.Diagnostics;
using Storyboard.Core.Cropping;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Media;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Finds the named characters in every kept frame and writes <c>detections/&lt;segment&gt;.jsonl</c>
/// in the DESIGN §4 line contract (box as ratios of the frame). The whole file is rewritten on a
/// re-run, so detections never double up.
/// </summary>
public sealed class DetectCharactersStep(StoryboardServices services)
{
    public const string State = "DetectCharacters";

    /// <summary>Longest side of the copy a frame is searched in; boxes are ratios, so the size only trades speed for detail.</summary>
    public const int WorkingSide = 640;

    public async Task<DetectCharactersOutput> RunAsync(RunContext run, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(segments);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var config = await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false);
        var manifest = await StoreJson.ReadAsync(services.Store, keys.ReferenceIndexKey, FunctionsJsonContext.Default.ReferenceIndexManifest, cancellationToken).ConfigureAwait(false);
        var index = await new ReferenceLoader(services).IndexFromManifestAsync(manifest, config, cancellationToken).ConfigureAwait(false);
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        var detectionKeys = new List<string>();
        int frames = 0, detections = 0;
        foreach (var segment in segments)
        {
            var filtered = await StoreJson.ReadAsync(services.Store, keys.FilterKey(segment), FunctionsJsonContext.Default.FilterManifest, cancellationToken).ConfigureAwait(false);
            var perFrame = await InOrder.MapAsync(filtered.Kept, services.Parallelism, async (frame, token) =>
            {
                var image = await WorkingImages.FrameAsync(services, frame, new ThumbnailSize(WorkingSide, WorkingSide, keepAspect: true), scratch, segment, token).ConfigureAwait(false);
                var found = await services.Detector.DetectAsync(image, index, token).ConfigureAwait(false);
                return found
                    .OrderBy(d => d.Box.Left).ThenBy(d => d.Character, StringComparer.Ordinal)
                    .Select(d => new DetectionLine(frame.TimeSeconds, frame.Key, d.Character, new BoundingBox(d.Box.Left, d.Box.Top, d.Box.Width, d.Box.Height), d.Confidence))
                    .ToList();
            }, cancellationToken).ConfigureAwait(false);
            var lines = perFrame.SelectMany(found => found).ToList();
            frames += perFrame.Length;

            var key = keys.Layout.SegmentDetectionsKey(segment);
            await StoreJson.WriteLinesAsync(services.Store, key, lines, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false);
            detectionKeys.Add(key);
            detections += lines.Count;
        }

        new StepLog(State, run.RunId, services.Clock).Info("characters detected", ("segments", segments.Count), ("frames", frames), ("detections", detections), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new DetectCharactersOutput([.. segments], frames, detections, detectionKeys);
    }
}
