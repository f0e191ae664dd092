using Storyboard.Core.Config;

namespace Storyboard.Core.Cropping;

/// <summary>The crop settings the planner needs (from <see cref="CropConfig"/>).</summary>
public sealed record CropPolicy(double PaddingRatio, int MinSourceSide, int OutputMinSide, int OutputMaxSide)
{
    public static CropPolicy FromConfig(CropConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(config.PaddingRatio, config.MinSourceSide, config.OutputMinSide, config.OutputMaxSide);
    }
}
