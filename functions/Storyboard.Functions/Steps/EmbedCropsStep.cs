using System.Diagnostics;
using Storyboard.Core.Media;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Embeds every crop of the batch's segments and writes the vectors to
/// <c>embeddings/&lt;segment&gt;.jsonl</c> (never into the state: a few hundred floats per crop
/// would soon pass the 256 KiB payload limit). The PNG crops are decoded and shrunk in-process.
/// </summary>
public sealed class EmbedCropsStep(StoryboardServices services)
{
    public const string State = "EmbedCrops";

    /// <summary>Side of the thumbnail a crop is embedded from (the local descriptor resamples to 64 px anyway).</summary>
    public const int ThumbnailSide = 224;

    public async Task<EmbedCropsOutput> RunAsync(RunContext run, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(segments);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        var total = 0;
        foreach (var segment in segments)
        {
            var crops = await StoreJson.ReadLinesAsync(services.Store, keys.Layout.SegmentCropsKey(segment), FunctionsJsonContext.Default.CropEntry, cancellationToken).ConfigureAwait(false);
            var lines = await InOrder.MapAsync(crops, services.Parallelism, async (crop, token) =>
            {
                var thumbnail = await WorkingImages.ImageAsync(services, crop.Key, new ThumbnailSize(ThumbnailSide, ThumbnailSide, keepAspect: true), scratch, segment, token).ConfigureAwait(false);
                return new EmbeddingLine(crop.Key, services.Embedder.Service, await services.Embedder.EmbedAsync(thumbnail, token).ConfigureAwait(false));
            }, cancellationToken).ConfigureAwait(false);

            await StoreJson.WriteLinesAsync(services.Store, keys.EmbeddingsKey(segment), lines, FunctionsJsonContext.Default.EmbeddingLine, cancellationToken).ConfigureAwait(false);
            total += lines.Length;
        }

        new StepLog(State, run.RunId, services.Clock).Info("crops embedded", ("segments", segments.Count), ("crops", total), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new EmbedCropsOutput([.. segments], total, keys.EmbeddingsPrefix);
    }
}
