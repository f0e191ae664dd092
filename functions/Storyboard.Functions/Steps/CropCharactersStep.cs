using System.Diagnostics;
using Storyboard.Core.Cropping;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Media;
using Storyboard.Core.Models;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Turns each detection into a padded crop that meets the base model's image limits (Core's
/// <see cref="CropPlanner"/>), cuts the crops of many frames with one cutter call (ffmpeg: one
/// process per batch of frames, not per frame), uploads them as
/// <c>crops/&lt;Name&gt;/&lt;ms&gt;-&lt;i&gt;.png</c> and writes <c>crops-index/&lt;segment&gt;.jsonl</c>;
/// detections that cannot become a crop go to <c>crop-rejections/&lt;segment&gt;.json</c> with the reason.
/// </summary>
public sealed class CropCharactersStep(StoryboardServices services)
{
    public const string State = "CropCharacters";

    /// <summary>
    /// Most frames handed to the cutter at once (their JPEGs sit in scratch space meanwhile). A
    /// segment is split into at least as many cuts as there are cores, so the cores share it; fewer,
    /// larger cuts otherwise, since each ffmpeg start costs some 50 ms of CPU.
    /// </summary>
    public const int FramesPerCut = 32;

    public async Task<CropCharactersOutput> RunAsync(RunContext run, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(segments);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var config = await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false);
        var profile = ModelProfiles.Get(config.BaseModel);
        var policy = CropPolicy.FromConfig(config.Crop);
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        var indexKeys = new List<string>();
        int crops = 0, rejected = 0;
        foreach (var segment in segments)
        {
            var filtered = await StoreJson.ReadAsync(services.Store, keys.FilterKey(segment), FunctionsJsonContext.Default.FilterManifest, cancellationToken).ConfigureAwait(false);
            var sizes = filtered.Kept.ToDictionary(f => f.Key, StringComparer.Ordinal);
            var detections = await StoreJson.ReadLinesAsync(services.Store, keys.Layout.SegmentDetectionsKey(segment), CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false);
            var entries = new List<CropEntry>();
            var rejections = new List<CropRejectionEntry>();
            var pending = new List<PendingFrame>();
            foreach (var frameGroup in detections.GroupBy(d => d.Frame, StringComparer.Ordinal))
            {
                var frame = sizes.TryGetValue(frameGroup.Key, out var known)
                    ? known
                    : throw new InvalidOperationException($"Detections name frame '{frameGroup.Key}', which FilterFrames did not keep; run DetectCharacters again for {segment}.");
                var all = frameGroup.ToList();
                var requests = new List<CropRequest>();
                var planned = new List<(DetectionLine Detection, CropPlan Plan, string Key, string Path)>();
                for (var i = 0; i < all.Count; i++)
                {
                    var detection = all[i];
                    switch (CropPlanner.Plan(detection.Box, frame.Width, frame.Height, policy, profile.Dataset))
                    {
                        case CropPlan plan:
                            var key = keys.Layout.CropKey(detection.Character, detection.TimeSeconds, i);
                            var path = scratch.PathFor(segment, detection.Character, Path.GetFileName(key));
                            requests.Add(new CropRequest(plan.Source, plan.OutputWidth, plan.OutputHeight, path));
                            planned.Add((detection, plan, key, path));
                            break;
                        case CropRejection rejection:
                            rejections.Add(new CropRejectionEntry(detection.Frame, detection.TimeSeconds, detection.Character, detection.Box, rejection.Reason));
                            break;
                    }
                }

                if (requests.Count > 0)
                {
                    pending.Add(new PendingFrame(frame, all, requests, planned));
                }
            }

            // Batches are cut side by side (one ffmpeg each); entries keep the frames' order.
            var perCut = Math.Clamp((pending.Count + services.Parallelism - 1) / services.Parallelism, 1, FramesPerCut);
            var cut = await InOrder.MapAsync(pending.Chunk(perCut).ToList(), services.Parallelism, (batch, token) => CutAsync(batch, scratch, segment, token), cancellationToken).ConfigureAwait(false);
            entries.AddRange(cut.SelectMany(batch => batch));

            var indexKey = keys.Layout.SegmentCropsKey(segment);
            await StoreJson.WriteLinesAsync(services.Store, indexKey, entries, FunctionsJsonContext.Default.CropEntry, cancellationToken).ConfigureAwait(false);
            await StoreJson.WriteAsync(services.Store, keys.CropRejectionsKey(segment), new CropRejections(segment, rejections), FunctionsJsonContext.Default.CropRejections, cancellationToken).ConfigureAwait(false);
            indexKeys.Add(indexKey);
            crops += entries.Count;
            rejected += rejections.Count;
        }

        new StepLog(State, run.RunId, services.Clock).Info("crops cut", ("segments", segments.Count), ("crops", crops), ("rejected", rejected), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new CropCharactersOutput([.. segments], crops, rejected, indexKeys);
    }

    private async ValueTask<List<CropEntry>> CutAsync(PendingFrame[] batch, Scratch scratch, string segment, CancellationToken token)
    {
        var entries = new List<CropEntry>();
        var sources = new List<CropSource>(batch.Length);
        foreach (var (frame, _, requests, _) in batch)
        {
            var framePath = scratch.PathFor(segment, Path.GetFileName(frame.Key));
            await StoreFiles.DownloadAsync(services.Store, frame.Key, framePath, token).ConfigureAwait(false);
            sources.Add(new CropSource(framePath, requests));
        }

        await services.Crops.CutManyAsync(sources, token).ConfigureAwait(false);
        sources.ForEach(source => File.Delete(source.SourceImage));
        foreach (var (frame, all, _, planned) in batch)
        {
            foreach (var (detection, plan, key, path) in planned)
            {
                var bytes = await StoreFiles.UploadAsync(services.Store, path, key, "image/png", token).ConfigureAwait(false);
                File.Delete(path);
                entries.Add(new CropEntry(
                    key,
                    detection.Character,
                    CharactersInside(plan.Source, detection, all, frame.Width, frame.Height),
                    detection.TimeSeconds,
                    detection.Frame,
                    detection.Box,
                    detection.Confidence,
                    Quality(detection.Confidence, plan.Scale),
                    plan.OutputWidth,
                    plan.OutputHeight,
                    bytes));
            }
        }

        return entries;
    }

    /// <summary>
    /// Confidence, lowered gently for crops enlarged far beyond their source pixels (a 4x upscale
    /// keeps about 70 %), so near-duplicate groups keep the sharper crop.
    /// </summary>
    public static double Quality(double confidence, double scale) =>
        Math.Round(confidence * Math.Pow(Math.Min(1.0, 1.0 / Math.Max(scale, 1e-9)), 0.25), 4);

    /// <summary>The detected character first, then every other character whose box centre lies in the crop.</summary>
    private static List<string> CharactersInside(PixelRect source, DetectionLine detection, List<DetectionLine> frameDetections, int frameWidth, int frameHeight)
    {
        var names = new List<string> { detection.Character };
        foreach (var other in frameDetections)
        {
            if (ReferenceEquals(other, detection) || names.Contains(other.Character, StringComparer.Ordinal))
            {
                continue;
            }

            var cx = (other.Box.Left + (other.Box.Width / 2)) * frameWidth;
            var cy = (other.Box.Top + (other.Box.Height / 2)) * frameHeight;
            if (cx >= source.X && cx < source.Right && cy >= source.Y && cy < source.Bottom)
            {
                names.Add(other.Character);
            }
        }

        return names;
    }

    /// <summary>A frame with the crops planned for it, waiting for its batch to be cut.</summary>
    private sealed record PendingFrame(FrameEntry Frame, List<DetectionLine> All, List<CropRequest> Requests, List<(DetectionLine Detection, CropPlan Plan, string Key, string Path)> Planned);
}
