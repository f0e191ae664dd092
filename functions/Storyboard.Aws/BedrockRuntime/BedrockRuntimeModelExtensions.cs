using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.BedrockRuntime.Models;

namespace Storyboard.Aws.BedrockRuntime;

/// <summary>One call per model task, on top of InvokeModel.</summary>
public static class BedrockRuntimeModelExtensions
{
    public static async Task<float[]> EmbedImageAsync(this IBedrockRuntimeApi runtime, byte[] image, string? text = null, int outputEmbeddingLength = 1024, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var response = await runtime.InvokeModelAsync(
            new InvokeModelRequest(ModelBodies.TitanMultimodalEmbeddingsG1, ModelBodies.TitanEmbedding(image, text, outputEmbeddingLength)), cancellationToken).ConfigureAwait(false);
        return ModelBodies.ReadTitanEmbedding(response.Body);
    }

    public static async Task<NovaResponse> DescribeImageAsync(this IBedrockRuntimeApi runtime, string modelId, byte[] image, string imageFormat, string instruction, string? system = null, NovaInferenceConfig? inferenceConfig = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var response = await runtime.InvokeModelAsync(
            new InvokeModelRequest(modelId, ModelBodies.NovaImageQuestion(image, imageFormat, instruction, system, inferenceConfig)), cancellationToken).ConfigureAwait(false);
        return ModelBodies.ReadNova(response.Body);
    }

    /// <param name="modelId">The Canvas model id, or a provisioned-throughput ARN for a fine-tuned Canvas.</param>
    public static async Task<IReadOnlyList<byte[]>> GenerateImagesAsync(this IBedrockRuntimeApi runtime, string modelId, string text, string? negativeText, CanvasImageGenerationConfig config, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var response = await runtime.InvokeModelAsync(
            new InvokeModelRequest(modelId, ModelBodies.CanvasTextToImage(text, negativeText, config), Timeout: timeout ?? TimeSpan.FromMinutes(5)), cancellationToken).ConfigureAwait(false);
        return ModelBodies.ReadCanvasImages(response.Body);
    }
}
