namespace Storyboard.Core.Media;

/// <summary>
/// How frames are chosen inside a segment. Fixed-rate sampling keeps, for each tick
/// (segment start + k / rate), the first decoded frame at or after the tick and before the next
/// one; an interval without a decoded frame yields nothing instead of a repeated frame, so the
/// dataset never sees duplicates made by the sampler.
/// </summary>
public sealed record FrameSampling
{
    private FrameSampling(FrameSamplingMode mode, double framesPerSecond, double sceneThreshold, double minSpacingSeconds)
    {
        Mode = mode;
        FramesPerSecond = framesPerSecond;
        SceneThreshold = sceneThreshold;
        MinSpacingSeconds = minSpacingSeconds;
    }

    public FrameSamplingMode Mode { get; }

    /// <summary>Ticks per second for <see cref="FrameSamplingMode.FixedRate"/>.</summary>
    public double FramesPerSecond { get; }

    /// <summary>Scene-change score (0–1, ffmpeg's <c>scene</c>) a frame must exceed in <see cref="FrameSamplingMode.SceneChange"/>.</summary>
    public double SceneThreshold { get; }

    /// <summary>Minimum time between two scene-change frames of the same segment.</summary>
    public double MinSpacingSeconds { get; }

    public static FrameSampling FixedRate(double framesPerSecond)
    {
        if (!double.IsFinite(framesPerSecond) || framesPerSecond <= 0 || framesPerSecond > 240)
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "Frames per second must be above 0 and at most 240.");
        }

        return new FrameSampling(FrameSamplingMode.FixedRate, framesPerSecond, 0, 0);
    }

    public static FrameSampling SceneChange(double threshold, double minSpacingSeconds)
    {
        if (!double.IsFinite(threshold) || threshold <= 0 || threshold >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Scene threshold must be between 0 and 1 (0.3 is a common choice).");
        }

        if (!double.IsFinite(minSpacingSeconds) || minSpacingSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minSpacingSeconds), minSpacingSeconds, "Minimum spacing must be zero or more seconds.");
        }

        return new FrameSampling(FrameSamplingMode.SceneChange, 0, threshold, minSpacingSeconds);
    }
}
