namespace Storyboard.Functions.Steps;

/// <summary>
/// Where FilterFrames draws its lines, measured on a 256 px thumbnail of each frame.
/// </summary>
/// <param name="BlackMeanLuma">A frame whose mean luma (0..255) is below this is black (fades, slates).</param>
/// <param name="BlurVariance">A frame whose Laplacian variance is below this is too blurred (or too flat) to find anyone in.</param>
/// <param name="NearIdenticalSimilarity">A frame at least this similar (cosine of the image descriptor) to the last kept frame adds nothing.</param>
public sealed record FrameFilterThresholds(double BlackMeanLuma = 18, double BlurVariance = 20, double NearIdenticalSimilarity = 0.985)
{
    public static FrameFilterThresholds Default { get; } = new();
}
