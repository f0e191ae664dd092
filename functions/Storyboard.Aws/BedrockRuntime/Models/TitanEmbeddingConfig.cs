namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="OutputEmbeddingLength">256, 384 or 1024 (default).</param>
public sealed record TitanEmbeddingConfig(int OutputEmbeddingLength);
