using System.Diagnostics;
using Storyboard.Core.Captions;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Media;
using Storyboard.Core.Models;
using Storyboard.Core.Vision;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Captions one batch of selected crops. Every answer goes through Core's extractor and caption
/// rules (names its characters and only them, length, no negation words); a malformed answer is
/// asked again up to <see cref="MaxAttempts"/> times, then the crop is rejected with every reason.
/// Writes <c>captions/batch-NNNN.json</c>.
/// </summary>
public sealed class CaptionBatchStep(StoryboardServices services)
{
    public const string State = "CaptionBatch";

    public const int MaxAttempts = 3;

    public const int ThumbnailSide = 384;

    public async Task<CaptionBatchOutput> RunAsync(RunContext run, string batchKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(batchKey);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var captionsKey = keys.CaptionsKey(batchKey);
        var config = await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false);
        var rules = CaptionRuleSet.For(ModelProfiles.Get(config.BaseModel), config.Captions);
        var descriptions = config.Characters.ToDictionary(c => c.Name, c => c.Description, StringComparer.Ordinal);
        var batch = await StoreJson.ReadAsync(services.Store, batchKey, FunctionsJsonContext.Default.CaptionBatch, cancellationToken).ConfigureAwait(false);
        var detections = (await StoreJson.ReadLinesAsync(services.Store, keys.Layout.DetectionsKey, CoreJsonContext.Default.DetectionLine, cancellationToken).ConfigureAwait(false))
            .ToLookup(d => d.Frame, StringComparer.Ordinal);
        using var scratch = new Scratch(services.ScratchFolder, run.RunId, State);
        var captioned = new List<CaptionEntry>();
        var rejected = new List<CaptionRejection>();
        foreach (var crop in batch.Crops)
        {
            var path = scratch.PathFor(Path.GetFileName(crop.Key));
            await StoreFiles.DownloadAsync(services.Store, crop.Key, path, cancellationToken).ConfigureAwait(false);
            var image = await services.Thumbnails.FromImageAsync(path, new ThumbnailSize(ThumbnailSide, ThumbnailSide, keepAspect: true), cancellationToken).ConfigureAwait(false);
            File.Delete(path);
            var subjects = crop.Characters.Select(name => new CaptionSubject(name, descriptions.GetValueOrDefault(name, string.Empty), BoxOf(name, crop, detections[crop.SourceFrame]))).ToList();
            var others = config.Characters.Select(c => c.Name).Where(n => !crop.Characters.Contains(n, StringComparer.Ordinal)).ToList();
            var problems = new List<string>();
            CaptionEntry? entry = null;
            for (var attempt = 1; attempt <= MaxAttempts && entry is null; attempt++)
            {
                var request = new CaptionRequest(crop.Key, image, subjects, config.Captions.Style, rules.MaxLength, attempt, config.Captions.VariationSeed);
                var answer = await services.Captioner.CaptionAsync(request, cancellationToken).ConfigureAwait(false);
                var check = CaptionRules.FromModelOutput(answer, crop.Characters, others, rules);
                if (check.IsValid)
                {
                    entry = new CaptionEntry(crop.Key, crop.Characters, check.Caption, attempt);
                }
                else
                {
                    problems.AddRange(check.Problems.Select(p => $"attempt {attempt}: {p}"));
                }
            }

            if (entry is not null)
            {
                captioned.Add(entry);
            }
            else
            {
                rejected.Add(new CaptionRejection(crop.Key, crop.Characters, problems));
            }
        }

        await StoreJson.WriteAsync(services.Store, captionsKey, new CaptionsFile(batchKey, services.Captioner.Service, captioned, rejected), FunctionsJsonContext.Default.CaptionsFile, cancellationToken).ConfigureAwait(false);
        new StepLog(State, run.RunId, services.Clock).Info("batch captioned", ("crops", batch.Crops.Count), ("captioned", captioned.Count), ("rejected", rejected.Count), ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new CaptionBatchOutput(captioned.Count, rejected.Count, captionsKey);
    }

    /// <summary>The character's own detection in the crop's frame; the crop's box when it was not detected there separately.</summary>
    private static RelativeBox BoxOf(string name, CropEntry crop, IEnumerable<DetectionLine> frameDetections)
    {
        var box = name == crop.Character
            ? crop.Box
            : frameDetections.FirstOrDefault(d => d.Character == name)?.Box ?? crop.Box;
        return new RelativeBox(box.Left, box.Top, box.Width, box.Height);
    }
}
