using Storyboard.Core.Cropping;
using Storyboard.Core.Selection;

namespace Storyboard.Core.Dataset;

/// <summary>
/// One line of a segment's crop index (<c>crops-index/&lt;segment&gt;.jsonl</c>): a written crop with
/// its provenance, image facts and embedding, everything SelectCrops and BuildDataset need without
/// opening the image.
/// </summary>
/// <param name="Key">Object key of the PNG crop.</param>
/// <param name="Characters">Characters the crop shows.</param>
/// <param name="TimeSeconds">Presentation time of the source frame.</param>
/// <param name="SourceFrame">Object key of the source frame.</param>
/// <param name="Box">The detection box the crop was cut around (ratios of the frame).</param>
/// <param name="Quality">Higher is better; selection keeps the best of near-duplicates.</param>
/// <param name="Width">Written image width.</param>
/// <param name="Height">Written image height.</param>
/// <param name="Bytes">Written file size.</param>
/// <param name="Embedding">Image embedding used for similarity.</param>
public sealed record CropRecord(
    string Key,
    IReadOnlyList<string> Characters,
    double TimeSeconds,
    string SourceFrame,
    BoundingBox Box,
    double Quality,
    int Width,
    int Height,
    long Bytes,
    float[] Embedding)
{
    public SelectionCandidate ToCandidate() => new(Key, Characters, Quality, Embedding);
}
