namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="Body">The model's own JSON response.</param>
public sealed record InvokeModelResponse(byte[] Body, string? ContentType);
