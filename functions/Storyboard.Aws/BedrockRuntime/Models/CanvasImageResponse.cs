namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Images">Base64 PNGs.</param>
/// <param name="Error">Set when generation was refused (e.g. content moderation).</param>
public sealed record CanvasImageResponse(IReadOnlyList<string>? Images, string? Error);
