using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.BedrockRuntime.Models;
using Storyboard.Aws.Captions.Internal;
using Storyboard.Aws.Http;
using Storyboard.Core.Captions;
using Storyboard.Core.Imaging;
using Storyboard.Core.Models;

namespace Storyboard.Aws.Captions;

/// <summary>
/// <see cref="ICaptioner"/> on Amazon Nova Pro (InvokeModel, messages-v1): the crop as a PNG and
/// an instruction that names the characters and asks for <c>{"alt_text": "..."}</c>. It returns
/// the model's raw text; the caption step extracts and checks it and asks again when it is
/// unusable, so a cut-off answer (stop reason <c>max_tokens</c>) is returned as it is. A retry is
/// sampled hotter and with another opening instruction, so it does not repeat the same mistake.
/// </summary>
public sealed class NovaProCaptioner : ICaptioner
{
    public const string DefaultModelId = ModelBodies.NovaPro;

    /// <summary>Sampling temperature of a first attempt, before the per-crop spread.</summary>
    public const double FirstAttemptTemperature = 0.3;

    /// <summary>Added to the temperature for every retry.</summary>
    public const double RetryTemperatureStep = 0.25;

    /// <summary>Width of the per-crop, per-seed temperature spread, so a new variation seed re-phrases the dataset.</summary>
    public const double TemperatureSpread = 0.2;

    private readonly IBedrockRuntimeApi _runtime;
    private readonly IReadOnlyList<string> _avoidWords;

    /// <param name="modelId">Nova Pro's model id, or an inference profile id such as <c>us.amazon.nova-pro-v1:0</c>.</param>
    /// <param name="avoidWords">Words the caption must not contain; the base model profile's reserved caption words by default.</param>
    public NovaProCaptioner(IBedrockRuntimeApi runtime, string modelId = DefaultModelId, IReadOnlyList<string>? avoidWords = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        _runtime = runtime;
        ModelId = modelId;
        _avoidWords = avoidWords ?? ModelProfiles.Default.ReservedCaptionWords;
        Service = "aws:" + modelId;
    }

    public string ModelId { get; }

    /// <summary>e.g. <c>aws:amazon.nova-pro-v1:0</c>.</summary>
    public string Service { get; }

    public async Task<string> CaptionAsync(CaptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subjects.Count == 0)
        {
            throw new ArgumentException("A caption request names no character; every crop shows at least one.", nameof(request));
        }

        var seed = Seed(request.CropKey, request.VariationSeed);
        var instruction = CaptionPrompt.For(request, _avoidWords, (int)(seed % (ulong)CaptionPrompt.Openings.Length) + request.Attempt - 1);
        var body = ModelBodies.NovaImageQuestion(PngEncoder.Encode(request.Image), "png", instruction, CaptionPrompt.System, InferenceConfigFor(request));

        InvokeModelResponse response;
        try
        {
            response = await _runtime.InvokeModelAsync(new InvokeModelRequest(ModelId, body), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (IsInputDeflection(ex))
        {
            throw new CaptionContentFilteredException(
                $"{ModelId}'s content filters refused crop '{request.CropKey}' ({ex.AwsMessage}). Remove this crop from the selection (or the frames it came from) and run the captions again; asking again gives the same answer.",
                ex);
        }

        var answer = ModelBodies.ReadNova(response.Body);
        if (answer.StopReason is "content_filtered" or "guardrail_intervened" || !string.IsNullOrWhiteSpace(answer.Error))
        {
            throw new CaptionContentFilteredException(
                $"{ModelId}'s content filters withheld the caption for crop '{request.CropKey}' (stop reason {answer.StopReason ?? "none"}{(string.IsNullOrWhiteSpace(answer.Error) ? string.Empty : ": " + answer.Error)}). Remove this crop from the selection and run the captions again; asking again gives the same answer.");
        }

        var text = answer.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EmptyCaptionOutputException(
                $"{ModelId} wrote no text for crop '{request.CropKey}' (stop reason {answer.StopReason ?? "none"}). Check that the model id names a Nova understanding model that takes images, then run the captions again.");
        }

        return text;
    }

    /// <summary>
    /// Sampling for one attempt: hotter with every retry, spread per crop and variation seed, and
    /// long enough for <see cref="CaptionRequest.MaxLength"/> characters (about four per token) plus the JSON around them.
    /// </summary>
    public static NovaInferenceConfig InferenceConfigFor(CaptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spread = Seed(request.CropKey, request.VariationSeed) % 1000 / 1000.0 * TemperatureSpread;
        var temperature = Math.Min(1.0, FirstAttemptTemperature + (RetryTemperatureStep * Math.Max(0, request.Attempt - 1)) + spread);
        var maxTokens = Math.Clamp((request.MaxLength / 3) + 48, 64, 1000);
        return new NovaInferenceConfig(MaxTokens: maxTokens, Temperature: Math.Round(temperature, 3), TopP: 0.9);
    }

    /// <summary>"This request has been blocked by our content filters…": Nova's refusal of an input, sent as a ValidationException.</summary>
    private static bool IsInputDeflection(AwsServiceException ex) =>
        ex.StatusCode == HttpStatusCode.BadRequest
        && ex.ErrorCode == "ValidationException"
        && ex.AwsMessage?.Contains("content filters", StringComparison.OrdinalIgnoreCase) == true;

    private static ulong Seed(string cropKey, int variationSeed)
    {
        var material = string.Create(CultureInfo.InvariantCulture, $"{cropKey}\n{variationSeed}");
        return BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(material)), 0);
    }
}
