namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Text">1–1024 chars.</param>
/// <param name="NegativeText">1–1024 chars of what to avoid (write it without negation words).</param>
public sealed record CanvasTextToImageParams(string Text, string? NegativeText = null, string? Style = null);
