using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.BedrockRuntime.Models;
using Storyboard.Aws.Http;
using Storyboard.Core.Imaging;
using Storyboard.Core.Models;
using Storyboard.Core.Rendering;
using Storyboard.Core.Requests;

namespace Storyboard.Aws.Rendering;

/// <summary>
/// <see cref="IImageGenerator"/> on Amazon Nova Canvas TEXT_IMAGE through Bedrock Runtime,
/// invoking <see cref="ImageGenerationRequest.ModelId"/> (the provisioned throughput of the
/// fine-tuned model). The request is checked against the model profile before the paid call; the
/// answer's images are checked to be PNGs. When the content filters withhold some of the images
/// Canvas still returns the rest, and they are kept (they are paid for) with a note in their
/// provenance; when they withhold all, or refuse the prompt, the scene fails with
/// <see cref="ImageGenerationBlockedException"/>.
/// </summary>
public sealed class NovaCanvasImageGenerator : IImageGenerator
{
    /// <summary>Every <see cref="GeneratedImages.Service"/> this generator writes starts with this.</summary>
    public const string ServiceName = "Amazon Nova Canvas TEXT_IMAGE through Bedrock Runtime (generated images)";

    /// <summary>Canvas can take minutes per request, far beyond the client's default per-attempt timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private readonly IBedrockRuntimeApi _runtime;
    private readonly ModelProfile _profile;
    private readonly string _quality;
    private readonly TimeSpan _timeout;

    /// <param name="profile">The limits requests are checked against; Nova Canvas by default.</param>
    /// <param name="quality">"standard" or "premium" (premium costs more per image).</param>
    public NovaCanvasImageGenerator(IBedrockRuntimeApi runtime, ModelProfile? profile = null, string quality = "standard", TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (quality is not ("standard" or "premium"))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Nova Canvas quality is \"standard\" or \"premium\".");
        }

        _runtime = runtime;
        _profile = profile ?? ModelProfiles.NovaCanvas;
        _quality = quality;
        _timeout = timeout ?? DefaultTimeout;
    }

    /// <exception cref="InvalidRequestException">The parameters break the model's limits; nothing was sent.</exception>
    /// <exception cref="ImageGenerationBlockedException">The content filters refused the prompt or withheld every image.</exception>
    /// <exception cref="InvalidGeneratedImageException">The answer holds no readable PNG.</exception>
    public async Task<GeneratedImages> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ModelId);
        var parameters = request.Parameters;
        var problems = TextImageRequestValidator.Validate(parameters, _profile);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        var body = ModelBodies.CanvasTextToImage(
            parameters.Text,
            parameters.NegativeText,
            new CanvasImageGenerationConfig(parameters.Width, parameters.Height, _quality, parameters.CfgScale, checked((int)parameters.Seed), parameters.NumberOfImages));

        InvokeModelResponse response;
        try
        {
            response = await _runtime.InvokeModelAsync(new InvokeModelRequest(request.ModelId, body, Timeout: _timeout), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (IsInputDeflection(ex))
        {
            throw new ImageGenerationBlockedException(
                $"Nova Canvas's content filters refused the prompt \"{Shorten(parameters.Text)}\" ({ex.AwsMessage}). Reword the scene's prompt (and negative prompt) and render again.",
                ex);
        }

        var answer = Read(response.Body, request.ModelId);
        var encoded = answer.Images ?? [];
        if (encoded.Count == 0)
        {
            throw string.IsNullOrWhiteSpace(answer.Error)
                ? new InvalidGeneratedImageException($"{request.ModelId} returned no images and no error; check that the model id names a Nova Canvas model or its provisioned throughput.")
                : new ImageGenerationBlockedException(
                    $"Nova Canvas withheld every image for the prompt \"{Shorten(parameters.Text)}\": {answer.Error} Reword the scene's prompt or change its seed, and render again.");
        }

        var partial = string.IsNullOrWhiteSpace(answer.Error)
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; {Math.Max(0, parameters.NumberOfImages - encoded.Count)} of {parameters.NumberOfImages} requested withheld by the content filters");
        var images = new List<GeneratedImage>(encoded.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            var png = DecodePng(encoded[i], i, request.ModelId);
            var (width, height) = PngSize(png);
            images.Add(new GeneratedImage(png, string.Create(
                CultureInfo.InvariantCulture,
                $"generated by {request.ModelId} (Nova Canvas TEXT_IMAGE, seed {parameters.Seed}, cfgScale {parameters.CfgScale}, {_quality}, image {i + 1} of {encoded.Count}, {width}×{height} PNG{partial})")));
        }

        return new GeneratedImages(images, $"{ServiceName}: {request.ModelId}", Generated: true);
    }

    private static CanvasImageResponse Read(byte[] body, string modelId)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ModelBodyJsonContext.Default.CanvasImageResponse) ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidGeneratedImageException($"{modelId} answered with a body that is not Nova Canvas's documented JSON ({ex.Message}); check that the model id names a Nova Canvas model.", ex);
        }
    }

    private static byte[] DecodePng(string base64, int index, string modelId)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new InvalidGeneratedImageException($"Image {index + 1} from {modelId} is not valid base64.", ex);
        }

        if (!PngDecoder.IsPng(bytes) || bytes.Length < 24 || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidGeneratedImageException($"Image {index + 1} from {modelId} is not a PNG ({bytes.Length} bytes without a PNG signature and header); the storyboard needs PNG panels.");
        }

        return bytes;
    }

    /// <summary>Width and height from the IHDR chunk, which the PNG format requires to come first.</summary>
    private static (uint Width, uint Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));

    /// <summary>"This request has been blocked by our content filters…": Nova Canvas's refusal of an input, sent as a ValidationException.</summary>
    private static bool IsInputDeflection(AwsServiceException ex) =>
        ex.StatusCode == HttpStatusCode.BadRequest
        && ex.ErrorCode == "ValidationException"
        && ex.AwsMessage?.Contains("content filters", StringComparison.OrdinalIgnoreCase) == true;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
