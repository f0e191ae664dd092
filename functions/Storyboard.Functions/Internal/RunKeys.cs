using Storyboard.Core.Runs;

using Storyboard.Functions.Errors;

namespace Storyboard.Functions.Internal;

/// <summary>
/// The run folder's keys: Core's <see cref="RunLayout"/> plus the per-segment working files of
/// the dataset path. Every key is a pure function of the run id and segment id, so a re-run of a
/// step overwrites what an earlier attempt wrote.
/// </summary>
public sealed class RunKeys(string runId)
{
    public RunLayout Layout { get; } = new(runId);

    public string Prefix => Layout.Prefix;

    public string ConfigKey => Prefix + "config.json";

    public string ReferenceIndexKey => Prefix + "characters.json";

    public string FramesManifestKey(string segment) => Prefix + "frames-index/" + Check(segment) + ".json";

    /// <summary>Small PNG copies of a segment's frames, the pixels the offline steps work on.</summary>
    public string WorkingFramesPrefix(string segment) => Prefix + "frames-work/" + Check(segment) + "/";

    public string WorkingFrameKey(string segment, double timeSeconds) => WorkingFramesPrefix(segment) + RunLayout.Millis(timeSeconds) + ".png";

    public string FilterKey(string segment) => Prefix + "filtered/" + Check(segment) + ".json";

    public string CropRejectionsKey(string segment) => Prefix + "crop-rejections/" + Check(segment) + ".json";

    public string CropIndexPrefix => Prefix + "crops-index/";

    public string EmbeddingsPrefix => Prefix + "embeddings/";

    public string EmbeddingsKey(string segment) => EmbeddingsPrefix + Check(segment) + ".jsonl";

    public string CaptionBatchesPrefix => Prefix + "caption-batches/";

    public string CaptionBatchKey(int index) => CaptionBatchesPrefix + "batch-" + index.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + ".json";

    public string CaptionsPrefix => Prefix + "captions/";

    /// <summary>Captions of a batch sit beside it under <c>captions/</c>, with the batch's file name.</summary>
    public string CaptionsKey(string batchKey)
    {
        if (!batchKey.StartsWith(CaptionBatchesPrefix, StringComparison.Ordinal) || batchKey.Length <= CaptionBatchesPrefix.Length)
        {
            throw new InvalidStateInputException($"'{batchKey}' is not a caption batch of run {Layout.RunId}; batch keys start with '{CaptionBatchesPrefix}'.");
        }

        return CaptionsPrefix + batchKey[CaptionBatchesPrefix.Length..];
    }

    public static string SegmentOf(string key) => Path.GetFileNameWithoutExtension(key);

    // RunLayout validates segment ids; asking it once keeps one rule.
    private string Check(string segment)
    {
        _ = Layout.SegmentFramesPrefix(segment);
        return segment;
    }
}
