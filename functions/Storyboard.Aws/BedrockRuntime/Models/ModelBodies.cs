using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>
/// Builds and reads the native bodies of the models the product uses, enforcing their documented
/// limits before a paid call is made.
/// </summary>
public static class ModelBodies
{
    public const string TitanMultimodalEmbeddingsG1 = "amazon.titan-embed-image-v1";
    public const string NovaPro = "amazon.nova-pro-v1:0";
    public const string NovaCanvas = "amazon.nova-canvas-v1:0";

    public static byte[] TitanEmbedding(byte[]? image, string? text = null, int outputEmbeddingLength = 1024)
    {
        if (image is null && string.IsNullOrEmpty(text))
        {
            throw new InvalidModelRequestException("A Titan multimodal embedding needs an image, a text, or both.");
        }

        if (outputEmbeddingLength is not (256 or 384 or 1024))
        {
            throw new InvalidModelRequestException($"outputEmbeddingLength must be 256, 384 or 1024, not {outputEmbeddingLength}.");
        }

        var body = new TitanEmbeddingRequest(image is null ? null : Convert.ToBase64String(image), text, new TitanEmbeddingConfig(outputEmbeddingLength));
        return JsonSerializer.SerializeToUtf8Bytes(body, ModelBodyJsonContext.Default.TitanEmbeddingRequest);
    }

    public static float[] ReadTitanEmbedding(byte[] responseBody)
    {
        var response = Read(responseBody, ModelBodyJsonContext.Default.TitanEmbeddingResponse, "Titan Multimodal Embeddings");
        if (response.Embedding is not { Length: > 0 })
        {
            throw new ModelOutputException("Titan Multimodal Embeddings returned no embedding" + (response.Message is null ? "." : ": " + response.Message));
        }

        return response.Embedding;
    }

    /// <summary>A one-turn Nova request with one image and an instruction.</summary>
    /// <param name="imageFormat">jpeg, png, gif or webp.</param>
    public static byte[] NovaImageQuestion(byte[] image, string imageFormat, string instruction, string? system = null, NovaInferenceConfig? inferenceConfig = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (imageFormat is not ("jpeg" or "png" or "gif" or "webp"))
        {
            throw new InvalidModelRequestException($"Nova takes jpeg, png, gif or webp images, not '{imageFormat}'.");
        }

        var body = new NovaRequest(
            "messages-v1",
            [new NovaMessage("user", [new NovaContent(Image: new NovaImage(imageFormat, new NovaImageSource(Convert.ToBase64String(image)))), new NovaContent(Text: instruction)])],
            system is null ? null : [new NovaText(system)],
            inferenceConfig);
        return JsonSerializer.SerializeToUtf8Bytes(body, ModelBodyJsonContext.Default.NovaRequest);
    }

    public static NovaResponse ReadNova(byte[] responseBody) => Read(responseBody, ModelBodyJsonContext.Default.NovaResponse, "Nova");

    public static byte[] CanvasTextToImage(string text, string? negativeText, CanvasImageGenerationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CheckLength("text", text, required: true);
        CheckLength("negativeText", negativeText, required: false);
        CheckSide("width", config.Width);
        CheckSide("height", config.Height);
        var aspect = (double)config.Width / config.Height;
        if (aspect is < 0.25 or > 4.0 || (long)config.Width * config.Height > 4_194_304)
        {
            throw new InvalidModelRequestException($"{config.Width}×{config.Height} is outside Nova Canvas's limits (aspect 1:4–4:1, at most 4,194,304 pixels).");
        }

        if (config.CfgScale is < 1.1 or > 10 || config.Seed is < 0 or > 858_993_459 || config.NumberOfImages is < 1 or > 5 || config.Quality is not ("standard" or "premium"))
        {
            throw new InvalidModelRequestException("Nova Canvas needs cfgScale 1.1–10, seed 0–858,993,459, numberOfImages 1–5 and quality standard|premium.");
        }

        var body = new CanvasTextToImageRequest("TEXT_IMAGE", new CanvasTextToImageParams(text, negativeText), config);
        return JsonSerializer.SerializeToUtf8Bytes(body, ModelBodyJsonContext.Default.CanvasTextToImageRequest);
    }

    /// <summary>The generated PNGs.</summary>
    public static IReadOnlyList<byte[]> ReadCanvasImages(byte[] responseBody)
    {
        var response = Read(responseBody, ModelBodyJsonContext.Default.CanvasImageResponse, "Nova Canvas");
        if (!string.IsNullOrEmpty(response.Error) || response.Images is not { Count: > 0 })
        {
            throw new ModelOutputException("Nova Canvas returned no image" + (string.IsNullOrEmpty(response.Error) ? "." : ": " + response.Error));
        }

        return response.Images.Select(Convert.FromBase64String).ToList();
    }

    private static void CheckLength(string name, string? value, bool required)
    {
        if (value is null && !required)
        {
            return;
        }

        if (string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            throw new InvalidModelRequestException($"Nova Canvas {name} must be 1–1024 characters.");
        }
    }

    private static void CheckSide(string name, int value)
    {
        if (value is < 320 or > 4096 || value % 16 != 0)
        {
            throw new InvalidModelRequestException($"Nova Canvas {name} must be 320–4096 and divisible by 16, not {value}.");
        }
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type, string model)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("null body");
        }
        catch (JsonException ex)
        {
            throw new ModelOutputException($"{model} returned a body that is not its documented JSON: {ex.Message}", ex);
        }
    }
}
