using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Storyboard.Core.Config;
using Storyboard.Core.Media;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Drops black frames, blurred frames and frames nearly identical to the previous kept one
/// (cosine of the free local descriptor), so detection and every paid call after it only see
/// frames worth looking at; the lines are the run config's <c>filters</c>. Each dropped frame is recorded with its reason in
/// <c>filtered/&lt;segment&gt;.json</c> for the report.
/// </summary>
public sealed class FilterFramesStep(StoryboardServices services)
{
    public const string State = "FilterFrames";

    public const int ThumbnailSide = 256;

    public async Task<FilterFramesOutput> RunAsync(RunContext run, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(segments);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var limits = (await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false)).Filters;
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        var filterKeys = new List<string>();
        int kept = 0, dropped = 0;
        foreach (var segment in segments)
        {
            var manifest = await StoreJson.ReadAsync(services.Store, keys.FramesManifestKey(segment), FunctionsJsonContext.Default.FramesManifest, cancellationToken).ConfigureAwait(false);
            var keptFrames = new List<FrameEntry>();
            var droppedFrames = new List<DroppedFrame>();
            var measured = await InOrder.MapAsync(manifest.Frames, services.Parallelism, (frame, token) => MeasureAsync(frame, limits, scratch, segment, token), cancellationToken).ConfigureAwait(false);
            float[]? previous = null;
            string? previousKey = null;
            foreach (var (frame, luma, sharpness, vector) in measured)
            {
                if (luma < limits.MinMeanLuma)
                {
                    droppedFrames.Add(new DroppedFrame(frame.Key, frame.TimeSeconds, "black", F($"mean luma {luma:0.0} of 255 is below {limits.MinMeanLuma:0.#}")));
                    continue;
                }

                if (sharpness < limits.MinSharpness)
                {
                    droppedFrames.Add(new DroppedFrame(frame.Key, frame.TimeSeconds, "blurry", F($"Laplacian variance {sharpness:0.0} is below {limits.MinSharpness:0.#}")));
                    continue;
                }

                if (previous is not null)
                {
                    var similarity = TensorPrimitives.CosineSimilarity(previous, vector!);
                    if (similarity >= limits.NearIdenticalSimilarity)
                    {
                        droppedFrames.Add(new DroppedFrame(frame.Key, frame.TimeSeconds, "near-identical", F($"similarity {similarity:0.0000} to {previousKey} is at least {limits.NearIdenticalSimilarity:0.####}")));
                        continue;
                    }
                }

                previous = vector;
                previousKey = frame.Key;
                keptFrames.Add(frame);
            }

            var key = keys.FilterKey(segment);
            await StoreJson.WriteAsync(services.Store, key, new FilterManifest(segment, keptFrames, droppedFrames), FunctionsJsonContext.Default.FilterManifest, cancellationToken).ConfigureAwait(false);
            filterKeys.Add(key);
            kept += keptFrames.Count;
            dropped += droppedFrames.Count;
        }

        new StepLog(State, run.RunId, services.Clock).Info("frames filtered", ("segments", segments.Count), ("kept", kept), ("dropped", dropped), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new FilterFramesOutput([.. segments], kept, dropped, filterKeys);
    }

    /// <summary>A frame's measures; the descriptor only for a frame bright and sharp enough to be compared.</summary>
    private async ValueTask<(FrameEntry Frame, double Luma, double Sharpness, float[]? Vector)> MeasureAsync(FrameEntry frame, FilterConfig limits, Scratch scratch, string segment, CancellationToken cancellationToken)
    {
        var thumbnail = await WorkingImages.FrameAsync(services, frame, new ThumbnailSize(ThumbnailSide, ThumbnailSide, keepAspect: true), scratch, segment, cancellationToken).ConfigureAwait(false);
        var luma = FrameMeasures.MeanLuma(thumbnail);
        var sharpness = luma < limits.MinMeanLuma ? 0 : FrameMeasures.LaplacianVariance(thumbnail);
        var vector = luma < limits.MinMeanLuma || sharpness < limits.MinSharpness
            ? null
            : await services.FrameDescriptor.EmbedAsync(thumbnail, cancellationToken).ConfigureAwait(false);
        return (frame, luma, sharpness, vector);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
