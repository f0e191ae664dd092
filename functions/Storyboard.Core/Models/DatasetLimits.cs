namespace Storyboard.Core.Models;

/// <summary>What a base model accepts as fine-tuning data (Nova Canvas: AWS-FACTS §4).</summary>
/// <param name="Records">Allowed number of training records.</param>
/// <param name="CaptionLength">Allowed caption length in characters (UTF-16 code units, as the service counts string length).</param>
/// <param name="Side">Allowed width and height in pixels.</param>
/// <param name="MaxPixels">Largest width × height.</param>
/// <param name="MaxAspect">Largest long-side / short-side ratio (4 means 1:4 .. 4:1).</param>
/// <param name="MaxImageBytes">Largest image file.</param>
/// <param name="Formats">Image encodings the service reads.</param>
public sealed record DatasetLimits(
    IntRange Records,
    IntRange CaptionLength,
    IntRange Side,
    long MaxPixels,
    double MaxAspect,
    long MaxImageBytes,
    IReadOnlyList<ImageFormat> Formats);
