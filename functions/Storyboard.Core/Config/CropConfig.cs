namespace Storyboard.Core.Config;

/// <summary>How a detection box becomes a training image.</summary>
public sealed record CropConfig
{
    /// <summary>Context added around the box, as a fraction of the box's size on each side.</summary>
    public double PaddingRatio { get; set; } = 0.15;

    /// <summary>Smallest short side, in source pixels, of a crop worth keeping; smaller ones upscale into mush.</summary>
    public int MinSourceSide { get; set; } = 96;

    /// <summary>Smallest short side of the written image; at least the model's minimum side.</summary>
    public int OutputMinSide { get; set; } = 512;

    /// <summary>Largest long side of the written image; larger crops are scaled down.</summary>
    public int OutputMaxSide { get; set; } = 1024;
}
