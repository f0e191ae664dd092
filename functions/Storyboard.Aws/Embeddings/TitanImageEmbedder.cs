using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.BedrockRuntime.Models;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Embeddings;

/// <summary>
/// <see cref="IImageEmbedder"/> on Amazon Titan Multimodal Embeddings G1 (InvokeModel). The image
/// goes as a PNG, shrunk here first when it is larger than the model accepts, because a refused
/// request still costs a round trip and a shrunk crop embeds almost the same. Titan's vectors are
/// not unit length; the port promises unit length, so cosine similarity is a dot product for
/// every embedder alike.
/// </summary>
public sealed class TitanImageEmbedder : IImageEmbedder
{
    public const string DefaultModelId = ModelBodies.TitanMultimodalEmbeddingsG1;

    /// <summary>Titan Multimodal Embeddings G1 accepts images up to 2048×2048 pixels.</summary>
    public const int MaxImageSide = 2048;

    /// <summary>
    /// Largest encoded image sent. AWS pages give 25 MB and 5 MB for this model; the stricter
    /// reading is used so that a crop accepted here is accepted there.
    /// </summary>
    public const int MaxImageBytes = 5_000_000;

    private readonly IBedrockRuntimeApi _runtime;

    /// <param name="dimensions">256, 384 or 1024: the lengths the model can return.</param>
    public TitanImageEmbedder(IBedrockRuntimeApi runtime, string modelId = DefaultModelId, int dimensions = 1024)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (dimensions is not (256 or 384 or 1024))
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "Titan Multimodal Embeddings G1 returns vectors of 256, 384 or 1024 floats.");
        }

        _runtime = runtime;
        ModelId = modelId;
        Dimensions = dimensions;

        // The length is part of the name: vectors of different lengths, or from different models,
        // must never be compared with each other, and the selection step compares by service name.
        Service = string.Create(CultureInfo.InvariantCulture, $"aws:{ShortName(modelId)}/{dimensions}");
    }

    public string ModelId { get; }

    /// <summary>e.g. <c>aws:titan-embed-image-v1/1024</c>.</summary>
    public string Service { get; }

    public int Dimensions { get; }

    public async Task<float[]> EmbedAsync(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        cancellationToken.ThrowIfCancellationRequested();
        var png = EncodeWithinLimits(image);
        var response = await _runtime.InvokeModelAsync(
            new InvokeModelRequest(ModelId, ModelBodies.TitanEmbedding(png, text: null, Dimensions)), cancellationToken).ConfigureAwait(false);
        return ReadVector(response.Body);
    }

    /// <summary>The PNG sent for <paramref name="image"/>: shrunk to fit the model's side and size limits when needed.</summary>
    public static byte[] EncodeWithinLimits(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = image.Width <= MaxImageSide && image.Height <= MaxImageSide
            ? (image.Width, image.Height)
            : AreaResampler.FitInside(image.Width, image.Height, MaxImageSide, MaxImageSide);
        var fitted = AreaResampler.Resize(image, width, height);
        var png = PngEncoder.Encode(fitted);

        // Only noise-like content compresses this badly; each step keeps ~half the pixels.
        while (png.Length > MaxImageBytes && fitted.Width > 1 && fitted.Height > 1)
        {
            fitted = AreaResampler.Resize(fitted, Math.Max(1, (int)(fitted.Width * 0.7)), Math.Max(1, (int)(fitted.Height * 0.7)));
            png = PngEncoder.Encode(fitted);
        }

        return png;
    }

    private float[] ReadVector(byte[] body)
    {
        TitanEmbeddingResponse response;
        try
        {
            response = JsonSerializer.Deserialize(body, ModelBodyJsonContext.Default.TitanEmbeddingResponse)
                ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new EmbeddingFailedException($"{ModelId} answered with a body that is not its documented JSON ({ex.Message}); check that the model id names Titan Multimodal Embeddings G1.", ex);
        }

        if (!string.IsNullOrWhiteSpace(response.Message))
        {
            throw new EmbeddingFailedException($"{ModelId} reported an error instead of an embedding: {response.Message}");
        }

        var vector = response.Embedding;
        if (vector is null || vector.Length != Dimensions)
        {
            throw new EmbeddingFailedException(string.Create(
                CultureInfo.InvariantCulture,
                $"{ModelId} returned {(vector is null ? "no embedding" : $"a vector of {vector.Length} floats")} where {Dimensions} were asked for; check that the model id names Titan Multimodal Embeddings G1 and supports outputEmbeddingLength {Dimensions}."));
        }

        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new EmbeddingFailedException($"{ModelId} returned a vector containing NaN or infinity.");
            }
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm <= 0 || !float.IsFinite(norm))
        {
            throw new EmbeddingFailedException($"{ModelId} returned an all-zero vector, which has no direction to compare.");
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>"amazon.titan-embed-image-v1" → "titan-embed-image-v1"; anything else (an ARN, a profile id) as given.</summary>
    private static string ShortName(string modelId) =>
        modelId.StartsWith("amazon.", StringComparison.Ordinal) ? modelId["amazon.".Length..] : modelId;
}
