using Storyboard.Core.Imaging;

namespace Storyboard.Core.Captions;

/// <summary>What a captioner sees for one crop.</summary>
/// <param name="CropKey">The crop's object key; a stable seed for deterministic phrasing.</param>
/// <param name="Image">The crop (usually a thumbnail of it).</param>
/// <param name="Subjects">Every character in the crop, with where it stands inside the crop.</param>
/// <param name="Style">Free style hint from the run config (<c>captions.style</c>), possibly empty.</param>
/// <param name="MaxLength">Longest caption the rules accept.</param>
/// <param name="Attempt">1 for the first try; a retry after malformed output gets the next number.</param>
/// <param name="VariationSeed">Run-wide seed from the config, so a new seed re-phrases the whole dataset.</param>
public sealed record CaptionRequest(
    string CropKey,
    RgbImage Image,
    IReadOnlyList<CaptionSubject> Subjects,
    string Style,
    int MaxLength,
    int Attempt,
    int VariationSeed);
