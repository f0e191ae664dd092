namespace Storyboard.Core.Cropping;

/// <summary>A box that cannot become a training image, and why (shown in the dataset report).</summary>
public sealed record CropRejection(string Reason) : CropResult;
