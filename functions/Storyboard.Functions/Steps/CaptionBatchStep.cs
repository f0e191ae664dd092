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
        var outcomes = await InOrder.MapAsync(batch.Crops, services.Parallelism, async (crop, token) =>
        {
            var image = await WorkingImages.ImageAsync(services, crop.Key, new ThumbnailSize(ThumbnailSide, ThumbnailSide, keepAspect: true), scratch, "thumbnails", token).ConfigureAwait(false);
            var subjects = crop.Characters.Select(name => new CaptionSubject(name, descriptions.GetValueOrDefault(name, string.Empty), BoxOf(name, crop, detections[crop.SourceFrame]))).ToList();
            var others = config.Characters.Select(c => c.Name).Where(n => !crop.Characters.Contains(n, StringComparer.Ordinal)).ToList();
            var problems = new List<string>();
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var request = new CaptionRequest(crop.Key, image, subjects, config.Captions.Style, rules.MaxLength, attempt, config.Captions.VariationSeed);
                var answer = await services.Captioner.CaptionAsync(request, token).ConfigureAwait(false);
                var check = CaptionRules.FromModelOutput(answer, crop.Characters, others, rules);
                if (check.IsValid)
                {
                    return (Entry: new CaptionEntry(crop.Key, crop.Characters, check.Caption, attempt), Rejection: (CaptionRejection?)null);
                }

                problems.AddRange(check.Problems.Select(p => $"attempt {attempt}: {p}"));
            }

            return (Entry: (CaptionEntry?)null, Rejection: new CaptionRejection(crop.Key, crop.Characters, problems));
        }, cancellationToken).ConfigureAwait(false);
        var captioned = outcomes.Where(o => o.Entry is not null).Select(o => o.Entry!).ToList();
        var rejected = outcomes.Where(o => o.Rejection is not null).Select(o => o.Rejection!).ToList();

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
