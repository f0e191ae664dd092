using System.Text.Json;
using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.Http;

namespace Storyboard.Aws.BedrockRuntime;

/// <summary>
/// Bedrock Runtime over restJson1 at bedrock-runtime.&lt;region&gt;, signed as "bedrock". Model ids
/// contain ':' and go percent-encoded into the path (and double-encoded into the signature).
/// </summary>
public sealed class BedrockRuntimeClient : IBedrockRuntimeApi
{
    private static readonly BedrockRuntimeJsonContext Json = BedrockRuntimeJsonContext.Default;
    private readonly AwsJsonClient _client;

    public BedrockRuntimeClient(AwsClientContext context)
    {
        _client = new AwsJsonClient(AwsServices.BedrockRuntime, context);
    }

    public AwsJsonClient Transport => _client;

    public async Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var awsRequest = new AwsRequest("InvokeModel", HttpMethod.Post, Path("/model/{modelId}/invoke", request.ModelId))
        {
            Body = request.Body,
            ContentType = request.ContentType,
            Timeout = request.Timeout,
        };
        awsRequest.Headers.Add(new("Accept", request.Accept));
        AddHeader(awsRequest, "X-Amzn-Bedrock-Trace", request.Trace);
        AddHeader(awsRequest, "X-Amzn-Bedrock-GuardrailIdentifier", request.GuardrailIdentifier);
        AddHeader(awsRequest, "X-Amzn-Bedrock-GuardrailVersion", request.GuardrailVersion);
        AddHeader(awsRequest, "X-Amzn-Bedrock-PerformanceConfig-Latency", request.PerformanceConfigLatency);
        var response = await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false);
        return new InvokeModelResponse(response.Body, response.ContentType);
    }

    public async Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var awsRequest = new AwsRequest("Converse", HttpMethod.Post, Path("/model/{modelId}/converse", request.ModelId))
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(request, Json.ConverseRequest),
            ContentType = "application/json",
        };
        var response = await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false);
        return _client.ReadJson(response, awsRequest.Operation, Json.ConverseResponse);
    }

    private static string Path(string template, string modelId) =>
        RequestTemplate.Expand(template, new Dictionary<string, string>(StringComparer.Ordinal) { ["modelId"] = modelId });

    private static void AddHeader(AwsRequest request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.Add(new(name, value));
        }
    }
}
