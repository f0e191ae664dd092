namespace Storyboard.Core.Requests;

/// <summary>The parameters of one TEXT_IMAGE generation (the fields Storyboard sets).</summary>
/// <param name="Text">The prompt.</param>
/// <param name="NegativeText">What to keep out of the image; null for none.</param>
public sealed record TextImageRequest(
    string Text,
    string? NegativeText,
    int Width,
    int Height,
    double CfgScale,
    long Seed,
    int NumberOfImages);
