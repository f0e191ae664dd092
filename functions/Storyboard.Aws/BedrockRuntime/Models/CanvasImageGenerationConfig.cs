namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Width">320–4096, divisible by 16.</param>
/// <param name="Quality">standard or premium.</param>
/// <param name="CfgScale">1.1–10 (default 6.5).</param>
/// <param name="Seed">0–858,993,459.</param>
/// <param name="NumberOfImages">1–5.</param>
public sealed record CanvasImageGenerationConfig(int Width, int Height, string Quality, double CfgScale, int Seed, int NumberOfImages);
