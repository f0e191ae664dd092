namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>Amazon Nova Canvas TEXT_IMAGE body (also what a fine-tuned Canvas behind provisioned throughput takes).</summary>
public sealed record CanvasTextToImageRequest(string TaskType, CanvasTextToImageParams TextToImageParams, CanvasImageGenerationConfig ImageGenerationConfig);
