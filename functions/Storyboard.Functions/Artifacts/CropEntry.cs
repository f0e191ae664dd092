using Storyboard.Core.Cropping;
using Storyboard.Core.Dataset;

namespace Storyboard.Functions.Artifacts;

/// <summary>One crop in <c>crops-index/&lt;segment&gt;.jsonl</c> (and in the caption batches).</summary>
/// <param name="Character">The detection the crop was cut around.</param>
/// <param name="Characters">Every character whose box centre lies inside the crop.</param>
/// <param name="Box">The detection's box, as ratios of the frame.</param>
/// <param name="Quality">Detection confidence, lowered for crops that had to be enlarged a lot.</param>
public sealed record CropEntry(
    string Key,
    string Character,
    IReadOnlyList<string> Characters,
    double TimeSeconds,
    string SourceFrame,
    BoundingBox Box,
    double Confidence,
    double Quality,
    int Width,
    int Height,
    long Bytes)
{
    public CropRecord ToRecord(float[] embedding) => new(Key, Characters, TimeSeconds, SourceFrame, Box, Quality, Width, Height, Bytes, embedding);
}
