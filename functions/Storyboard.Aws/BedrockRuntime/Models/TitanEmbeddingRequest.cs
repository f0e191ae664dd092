namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>Titan Multimodal Embeddings G1 (amazon.titan-embed-image-v1) request body.</summary>
/// <param name="InputImage">Base64 PNG/JPEG (≤ 25 MB, ≤ 2048×2048).</param>
/// <param name="InputText">Optional English text (≤ 256 tokens); with an image the vectors are averaged.</param>
public sealed record TitanEmbeddingRequest(string? InputImage, string? InputText, TitanEmbeddingConfig? EmbeddingConfig);
