using System.Diagnostics;
using System.Globalization;
using System.Text;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;
using Storyboard.Functions.Reports;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Writes the training manifest (<c>dataset/train.jsonl</c>), the provenance of every image
/// (<c>dataset/items.jsonl</c>), the portable export (<c>dataset/export/</c>: each image beside a
/// <c>.txt</c> caption, plus <c>metadata.jsonl</c>) and <c>dataset/report.html</c>, then validates
/// the manifest against every limit of the base model. The report is written before any
/// failure, so a run that ends here still shows what happened.
/// </summary>
public sealed class BuildDatasetStep(StoryboardServices services)
{
    public const string State = "BuildDataset";

    public async Task<BuildDatasetOutput> RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        var store = services.Store;
        var keys = new RunKeys(run.RunId);
        var layout = keys.Layout;
        var config = await RunConfigs.LoadAsync(store, run, cancellationToken).ConfigureAwait(false);
        var profile = ModelProfiles.Get(config.BaseModel);
        var selection = await StoreJson.ReadAsync(store, layout.SelectionKey, FunctionsJsonContext.Default.SelectionDocument, cancellationToken).ConfigureAwait(false);

        var crops = new Dictionary<string, CropEntry>(StringComparer.Ordinal);
        var captions = new Dictionary<string, CaptionEntry>(StringComparer.Ordinal);
        var captionRejections = new List<CaptionRejection>();
        foreach (var batchKey in selection.CaptionBatches)
        {
            foreach (var crop in (await StoreJson.ReadAsync(store, batchKey, FunctionsJsonContext.Default.CaptionBatch, cancellationToken).ConfigureAwait(false)).Crops)
            {
                crops[crop.Key] = crop;
            }

            var file = await StoreJson.ReadAsync(store, keys.CaptionsKey(batchKey), FunctionsJsonContext.Default.CaptionsFile, cancellationToken).ConfigureAwait(false);
            foreach (var entry in file.Captioned)
            {
                captions[entry.Key] = entry;
            }

            captionRejections.AddRange(file.Rejected);
        }

        var training = new List<TrainingRecord>();
        var items = new List<DatasetItem>();
        var metadata = new List<ExportMetadataLine>();
        var facts = new Dictionary<string, ImageFacts>(StringComparer.Ordinal);
        var exported = new HashSet<string>(StringComparer.Ordinal) { layout.ExportMetadataKey };
        foreach (var key in selection.Kept)
        {
            if (!captions.TryGetValue(key, out var caption) || !crops.TryGetValue(key, out var crop))
            {
                continue;
            }

            var imageRef = new S3Uri(run.Bucket, key).ToString();
            training.Add(new TrainingRecord(imageRef, caption.Caption));
            items.Add(new DatasetItem(imageRef, crop.Characters, crop.TimeSeconds, crop.SourceFrame, crop.Box, caption.Caption));
            if (await ImageHeaders.ReadAsync(store, key, cancellationToken).ConfigureAwait(false) is { } image)
            {
                facts[imageRef] = image;
            }

            var fileName = ExportName(layout.CropsPrefix, key);
            var imageKey = layout.ExportPrefix + fileName;
            var textKey = Path.ChangeExtension(imageKey, ".txt");
            await using (var bytes = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false))
            {
                await store.WriteAsync(imageKey, bytes, "image/png", cancellationToken).ConfigureAwait(false);
            }

            await store.WriteTextAsync(textKey, caption.Caption, cancellationToken: cancellationToken).ConfigureAwait(false);
            exported.Add(imageKey);
            exported.Add(textKey);
            metadata.Add(new ExportMetadataLine(fileName, caption.Caption));
        }

        await StoreJson.WriteLinesAsync(store, layout.TrainKey, training, CoreJsonContext.Default.TrainingRecord, cancellationToken).ConfigureAwait(false);
        await StoreJson.WriteLinesAsync(store, layout.ItemsKey, items, CoreJsonContext.Default.DatasetItem, cancellationToken).ConfigureAwait(false);
        await StoreJson.WriteLinesAsync(store, layout.ExportMetadataKey, metadata, CoreJsonContext.Default.ExportMetadataLine, cancellationToken).ConfigureAwait(false);
        await StoreJson.DeleteStaleAsync(store, layout.ExportPrefix, exported, cancellationToken).ConfigureAwait(false);

        DatasetValidationReport report;
        await using (var manifest = await store.OpenReadAsync(layout.TrainKey, cancellationToken).ConfigureAwait(false))
        {
            report = await DatasetValidator.ValidateAsync(manifest, new DictionaryImageFactsLookup(facts), profile, cancellationToken).ConfigureAwait(false);
        }

        var reportKey = await new RunReportWriter(services.Store, services.Clock).WriteAsync(run, cancellationToken).ConfigureAwait(false);
        new StepLog(State, run.RunId, services.Clock).Info(
            "dataset built",
            ("records", training.Count),
            ("violations", report.Violations.Count),
            ("captionRejections", captionRejections.Count),
            ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));

        if (training.Count < profile.Dataset.Records.Min)
        {
            throw new NotEnoughCropsException(await DescribeShortfallAsync(keys, selection, captionRejections, training.Count, profile, cancellationToken).ConfigureAwait(false));
        }

        if (!report.IsValid)
        {
            throw new InvalidDatasetException(
                $"The dataset breaks {report.Violations.Count} limit(s) of {profile.DisplayName}:"
                + string.Concat(report.Violations.Take(50).Select(v => Environment.NewLine + "  - " + v))
                + (report.Violations.Count > 50 ? Environment.NewLine + $"  ... and {report.Violations.Count - 50} more (see {layout.TrainKey})" : string.Empty));
        }

        return new BuildDatasetOutput(layout.TrainKey, new S3Uri(run.Bucket, layout.TrainKey).ToString(), layout.ItemsKey, reportKey, layout.ExportPrefix, training.Count);
    }

    /// <summary><c>runs/x/crops/Dino/000012000-0.png</c> → <c>Dino-000012000-0.png</c>: unique, and readable without folders.</summary>
    public static string ExportName(string cropsPrefix, string key) =>
        (key.StartsWith(cropsPrefix, StringComparison.Ordinal) ? key[cropsPrefix.Length..] : Path.GetFileName(key)).Replace('/', '-');

    private async Task<string> DescribeShortfallAsync(RunKeys keys, SelectionDocument selection, List<CaptionRejection> captionRejections, int records, ModelProfile profile, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        int detections = 0, droppedFrames = 0;
        foreach (var key in await StoreJson.ListKeysAsync(services.Store, keys.Prefix + "filtered/", cancellationToken).ConfigureAwait(false))
        {
            droppedFrames += (await StoreJson.ReadAsync(services.Store, key, FunctionsJsonContext.Default.FilterManifest, cancellationToken).ConfigureAwait(false)).Dropped.Count;
        }

        if (await services.Store.ExistsAsync(keys.Layout.DetectionsKey, cancellationToken).ConfigureAwait(false))
        {
            detections = (await StoreJson.ReadLinesAsync(services.Store, keys.Layout.DetectionsKey, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false)).Count;
        }

        foreach (var key in await StoreJson.ListKeysAsync(services.Store, keys.Prefix + "crop-rejections/", cancellationToken).ConfigureAwait(false))
        {
            foreach (var r in (await StoreJson.ReadAsync(services.Store, key, FunctionsJsonContext.Default.CropRejections, cancellationToken).ConfigureAwait(false)).Rejected)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Character} at {r.TimeSeconds:0.000} s ({r.SourceFrame}): not cropped, {r.Reason}"));
            }
        }

        lines.AddRange(selection.Replacements.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.RejectedId}: {(r.Reason == Core.Selection.ReplacementReason.NearDuplicate ? "near-duplicate" : "dropped for diversity")} of {r.KeptId} (similarity {r.Similarity:0.000})")));
        lines.AddRange(selection.Invalid.Select(i => $"{i.Id}: {i.Reason}"));
        lines.AddRange(captionRejections.Select(c => $"{c.Key}: caption rejected ({string.Join("; ", c.Reasons)})"));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Only {records} usable crop(s); {profile.DisplayName} needs at least {profile.Dataset.Records.Min}. ");
        text.Append(CultureInfo.InvariantCulture, $"The video gave {detections} detection(s) after {droppedFrames} frame(s) were dropped by the filters. ");
        text.Append(detections == 0
            ? "No character was found: check that the reference images under characters/<Name>/ show the characters as they look in the video, or sample more frames (sampling.fps)."
            : "Use a longer video, sample more frames (sampling.fps) or lower selection.similarityThreshold.");
        if (lines.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Rejected ({lines.Count}):");
            foreach (var line in lines.Take(100))
            {
                text.Append(Environment.NewLine).Append("  - ").Append(line);
            }

            if (lines.Count > 100)
            {
                text.Append(Environment.NewLine).Append(CultureInfo.InvariantCulture, $"  ... and {lines.Count - 100} more (see {keys.Layout.ReportKey})");
            }
        }

        return text.ToString();
    }
}
