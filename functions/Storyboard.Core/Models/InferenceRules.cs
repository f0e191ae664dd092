namespace Storyboard.Core.Models;

/// <summary>TEXT_IMAGE request limits (Nova Canvas: AWS-FACTS §5.4).</summary>
/// <param name="Side">Allowed width and height.</param>
/// <param name="SideMultiple">Width and height must be divisible by this.</param>
/// <param name="MaxPixels">Largest width × height.</param>
/// <param name="MaxAspect">Largest long-side / short-side ratio.</param>
/// <param name="CfgScale">Allowed prompt adherence.</param>
/// <param name="Seed">Allowed seeds.</param>
/// <param name="NumberOfImages">Images per request.</param>
/// <param name="PromptLength">Prompt length in characters.</param>
/// <param name="NegativePromptLength">Negative prompt length, when one is given.</param>
public sealed record InferenceRules(
    IntRange Side,
    int SideMultiple,
    long MaxPixels,
    double MaxAspect,
    DoubleRange CfgScale,
    IntRange Seed,
    IntRange NumberOfImages,
    IntRange PromptLength,
    IntRange NegativePromptLength);
