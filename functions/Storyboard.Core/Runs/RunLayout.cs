using System.Globalization;
using Storyboard.Core.Config;
using Storyboard.Core.Planning;

namespace Storyboard.Core.Runs;

/// <summary>
/// Every object key of a run (DESIGN §4), built in one place so S3 and a local run folder hold the
/// same files under the same names and every step writes to a deterministic key (idempotency).
/// </summary>
/// <remarks>
/// Times in keys are whole milliseconds, zero-padded to 9 digits (up to 277 hours), so listing a
/// prefix in key order, as S3 does, is listing it in time order.
/// </remarks>
public sealed class RunLayout
{
    public const string RunsPrefix = "runs/";
    public const string UploadsPrefix = "uploads/";
    public const string CharactersPrefix = "characters/";

    /// <exception cref="InvalidRunIdException">Not a valid run id.</exception>
    public RunLayout(string runId)
    {
        RunId = RunIds.Validate(runId);
        Prefix = RunsPrefix + RunId + "/";
    }

    public string RunId { get; }

    /// <summary><c>runs/&lt;runId&gt;/</c></summary>
    public string Prefix { get; }

    /// <summary>The segment array, read by the ProcessSegments ItemReader.</summary>
    public string PlanKey => Prefix + "plan.json";

    public string PlanHeaderKey => Prefix + "plan-header.json";

    public string FramesPrefix => Prefix + "frames/";

    /// <summary>All detections of the run, merged from the segments in segment order.</summary>
    public string DetectionsKey => Prefix + "detections.jsonl";

    public string CropsPrefix => Prefix + "crops/";

    public string SelectionKey => Prefix + "selection.json";

    public string DatasetPrefix => Prefix + "dataset/";

    public string TrainKey => DatasetPrefix + "train.jsonl";

    public string ItemsKey => DatasetPrefix + "items.jsonl";

    public string ReportKey => DatasetPrefix + "report.html";

    /// <summary>The portable copy of the dataset: images beside <c>.txt</c> captions plus <c>metadata.jsonl</c> (DESIGN §6).</summary>
    public string ExportPrefix => DatasetPrefix + "export/";

    public string ExportMetadataKey => ExportPrefix + "metadata.jsonl";

    public string ModelPrefix => Prefix + "model/";

    public string CustomizationJobKey => ModelPrefix + "customization-job.json";

    public string ThroughputKey => ModelPrefix + "throughput.json";

    public string StoryboardPrefix => Prefix + "storyboard/";

    public string StoryboardSheetKey => StoryboardPrefix + "sheet.png";

    public string HistoryKey => Prefix + "history.jsonl";

    public string ErrorKey => Prefix + "error.json";

    public string SegmentFramesPrefix(string segmentId) => FramesPrefix + CheckSegment(segmentId) + "/";

    /// <summary><c>frames/&lt;segment&gt;/&lt;ms&gt;.jpg</c> for a frame presented at <paramref name="timeSeconds"/>.</summary>
    public string FrameKey(string segmentId, double timeSeconds) => SegmentFramesPrefix(segmentId) + Millis(timeSeconds) + ".jpg";

    /// <summary>Detections of one segment (<c>detections/&lt;segment&gt;.jsonl</c>), merged into <see cref="DetectionsKey"/>.</summary>
    public string SegmentDetectionsKey(string segmentId) => Prefix + "detections/" + CheckSegment(segmentId) + ".jsonl";

    /// <summary>Crop records with embeddings of one segment, read by SelectCrops.</summary>
    public string SegmentCropsKey(string segmentId) => Prefix + "crops-index/" + CheckSegment(segmentId) + ".jsonl";

    public string CharacterCropsPrefix(string character) => CropsPrefix + CheckCharacter(character) + "/";

    /// <summary><c>crops/&lt;Name&gt;/&lt;ms&gt;-&lt;i&gt;.png</c>; <paramref name="index"/> tells apart crops of one character in one frame.</summary>
    public string CropKey(string character, double timeSeconds, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return CharacterCropsPrefix(character) + Millis(timeSeconds) + "-" + index.ToString(CultureInfo.InvariantCulture) + ".png";
    }

    /// <summary><c>storyboard/scene-&lt;nn&gt;-&lt;i&gt;.png</c>.</summary>
    public string PanelKey(int sceneIndex, int imageIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sceneIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(imageIndex);
        return StoryboardPrefix + "scene-" + sceneIndex.ToString("00", CultureInfo.InvariantCulture) + "-" + imageIndex.ToString(CultureInfo.InvariantCulture) + ".png";
    }

    /// <summary>
    /// True for anything under a run's <c>frames/</c> or <c>frames-work/</c> folder (the frames and
    /// their small working copies): the bulky, re-creatable part of a run that the bucket's
    /// lifecycle rule expires (by tag) long before the dataset.
    /// </summary>
    public static bool IsFrameKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(RunsPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = key.IndexOf('/', RunsPrefix.Length);
        var rest = key.AsSpan(slash + 1);
        return slash > RunsPrefix.Length && (rest.StartsWith("frames/", StringComparison.Ordinal) || rest.StartsWith("frames-work/", StringComparison.Ordinal));
    }

    /// <summary>Whole milliseconds, 9 digits.</summary>
    public static string Millis(double timeSeconds)
    {
        if (!double.IsFinite(timeSeconds) || timeSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, "A frame time must be a finite number of seconds, zero or more.");
        }

        var ms = (long)Math.Round(timeSeconds * 1000, MidpointRounding.AwayFromZero);
        return ms.ToString("000000000", CultureInfo.InvariantCulture);
    }

    private static string CheckSegment(string segmentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentId);
        if (!segmentId.StartsWith("seg-", StringComparison.Ordinal) || !segmentId[4..].All(char.IsAsciiDigit) || segmentId.Length < 5)
        {
            throw new ArgumentException($"'{segmentId}' is not a segment id like '{SegmentPlanner.SegmentId(3)}'.", nameof(segmentId));
        }

        return segmentId;
    }

    private static string CheckCharacter(string character) =>
        CharacterNames.IsValid(character)
            ? character
            : throw new ArgumentException($"'{character}' is not a valid character name: {CharacterNames.Rule}.", nameof(character));
}
