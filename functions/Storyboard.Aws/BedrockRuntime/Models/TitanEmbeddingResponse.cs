namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Message">Set when the model reports a generation problem.</param>
public sealed record TitanEmbeddingResponse(float[]? Embedding, int? InputTextTokenCount, string? Message);
