using System.Diagnostics;
using System.Text.Json;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Planning;
using Storyboard.Core.Selection;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Works across all segments: merges the per-segment detections into <c>detections.jsonl</c>,
/// drops near-duplicate crops and balances characters (Core's <see cref="CropSelector"/>), and
/// writes <c>selection.json</c> and the caption batches. The run folder is the source of truth:
/// every segment of <c>plan.json</c> must have left its files, whatever the Map's ResultWriter says.
/// </summary>
public sealed class SelectCropsStep(StoryboardServices services)
{
    public const string State = "SelectCrops";

    /// <summary>Crops per CaptionBatch invocation: small enough for one Lambda run, few enough Map iterations.</summary>
    public const int BatchSize = 20;

    public async Task<SelectCropsOutput> RunAsync(RunContext run, MapRunResult? mapResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var log = new StepLog(State, run.RunId, services.Clock);
        var config = await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false);
        await LogResultWriterAsync(mapResult, log, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<Segment> plan;
        await using (var stream = await services.Store.OpenReadAsync(run.SegmentsKey, cancellationToken).ConfigureAwait(false))
        {
            plan = await SegmentPlanSerializer.ReadSegmentsAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        var missing = new List<string>();
        foreach (var segment in plan)
        {
            foreach (var key in new[] { keys.Layout.SegmentDetectionsKey(segment.Id), keys.Layout.SegmentCropsKey(segment.Id), keys.EmbeddingsKey(segment.Id) })
            {
                if (!await services.Store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    missing.Add(key);
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new SegmentResultsMissingException(
                $"{missing.Count} per-segment result file(s) are missing, so part of the video was never processed: {string.Join(", ", missing)}. Redrive the run so ProcessSegments finishes every segment.");
        }

        var detections = new List<DetectionLine>();
        var crops = new List<CropEntry>();
        var vectors = new Dictionary<string, EmbeddingLine>(StringComparer.Ordinal);
        foreach (var segment in plan)
        {
            detections.AddRange(await StoreJson.ReadLinesAsync(services.Store, keys.Layout.SegmentDetectionsKey(segment.Id), CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false));
            crops.AddRange(await StoreJson.ReadLinesAsync(services.Store, keys.Layout.SegmentCropsKey(segment.Id), FunctionsJsonContext.Default.CropEntry, cancellationToken).ConfigureAwait(false));
            foreach (var line in await StoreJson.ReadLinesAsync(services.Store, keys.EmbeddingsKey(segment.Id), FunctionsJsonContext.Default.EmbeddingLine, cancellationToken).ConfigureAwait(false))
            {
                vectors[line.Key] = line;
            }
        }

        await StoreJson.WriteLinesAsync(services.Store, keys.Layout.DetectionsKey, detections, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false);

        var candidates = crops.Select(c => c.ToRecord(vectors.TryGetValue(c.Key, out var v) ? v.Vector : []).ToCandidate()).ToList();
        var result = CropSelector.Select(candidates, new SelectionOptions(config.Selection.SimilarityThreshold, config.Selection.TargetPerCharacter));
        var byKey = crops.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var kept = result.Kept.Select(k => byKey[k]).OrderBy(c => c.TimeSeconds).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

        var batchKeys = new List<string>();
        for (var i = 0; i * BatchSize < kept.Count; i++)
        {
            var batchKey = keys.CaptionBatchKey(i);
            await StoreJson.WriteAsync(services.Store, batchKey, new CaptionBatch(kept.Skip(i * BatchSize).Take(BatchSize).ToList()), FunctionsJsonContext.Default.CaptionBatch, cancellationToken).ConfigureAwait(false);
            batchKeys.Add(batchKey);
        }

        await StoreJson.DeleteStaleAsync(services.Store, keys.CaptionBatchesPrefix, batchKeys.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var service = vectors.Values.Select(v => v.Service).FirstOrDefault() ?? services.Embedder.Service;
        var document = new SelectionDocument(result.Threshold, result.TargetPerCharacter, service, crops.Count, kept.Select(c => c.Key).ToList(), result.Replacements, result.Invalid, result.PerCharacter, batchKeys);
        await StoreJson.WriteAsync(services.Store, keys.Layout.SelectionKey, document, FunctionsJsonContext.Default.SelectionDocument, cancellationToken).ConfigureAwait(false);

        var rejected = result.Replacements.Count + result.Invalid.Count;
        log.Info("crops selected", ("candidates", crops.Count), ("kept", kept.Count), ("rejected", rejected), ("batches", batchKeys.Count), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new SelectCropsOutput(batchKeys, kept.Count, rejected, keys.Layout.SelectionKey);
    }

    /// <summary>
    /// The ResultWriter's manifest is read for the record only (how many child executions
    /// failed); it is optional and its format is Step Functions', so anything unreadable is logged, not fatal.
    /// </summary>
    private async Task LogResultWriterAsync(MapRunResult? mapResult, StepLog log, CancellationToken cancellationToken)
    {
        if (mapResult?.ResultWriterDetails?.Key is not { Length: > 0 } key || !await services.Store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(await Core.Storage.ObjectStoreExtensions.ReadTextAsync(services.Store, key, cancellationToken).ConfigureAwait(false));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("ResultFiles", out var files) && files.ValueKind == JsonValueKind.Object)
            {
                var failed = files.TryGetProperty("FAILED", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0;
                var succeeded = files.TryGetProperty("SUCCEEDED", out var s) && s.ValueKind == JsonValueKind.Array ? s.GetArrayLength() : 0;
                log.Info("map results read", ("succeededFiles", succeeded), ("failedFiles", failed));
            }
        }
        catch (JsonException)
        {
            log.Warn("the Map's result manifest is not JSON; relying on the run folder");
        }
    }
}
