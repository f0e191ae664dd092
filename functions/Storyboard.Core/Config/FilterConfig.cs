namespace Storyboard.Core.Config;

/// <summary>
/// Where FilterFrames draws its lines (measured on a 256 px copy of each frame). Frames it drops
/// never reach the detector — in AWS mode, never reach a paid API — so these are the first knobs
/// to turn when a run sends too many or too few frames on.
/// </summary>
public sealed record FilterConfig
{
    /// <summary>A frame whose mean luma (0..255) is below this is black (fades, slates).</summary>
    public double MinMeanLuma { get; set; } = 18;

    /// <summary>A frame whose Laplacian variance is below this is too blurred (or too flat) to find anyone in.</summary>
    public double MinSharpness { get; set; } = 20;

    /// <summary>A frame at least this similar (cosine of the free local descriptor) to the last kept one adds nothing; 1 keeps all but exact repeats.</summary>
    public double NearIdenticalSimilarity { get; set; } = 0.985;
}
