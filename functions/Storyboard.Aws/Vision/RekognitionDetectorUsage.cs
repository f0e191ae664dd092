namespace Storyboard.Aws.Vision;

/// <summary>
/// Paid Rekognition calls made by a <see cref="RekognitionCharacterDetector"/> so far. Each
/// DetectLabels, DetectFaces and SearchFacesByImage call is billed as one image; DetectCustomLabels
/// is billed by the model's running hours instead.
/// </summary>
public sealed record RekognitionDetectorUsage(long Frames, long DetectLabels, long DetectFaces, long SearchFacesByImage, long DetectCustomLabels)
{
    /// <summary>Calls billed per image (all but DetectCustomLabels).</summary>
    public long BilledImages => DetectLabels + DetectFaces + SearchFacesByImage;

    /// <summary>Billed images per frame on average; 0 before the first frame.</summary>
    public double BilledImagesPerFrame => Frames == 0 ? 0 : (double)BilledImages / Frames;
}
