using System.Globalization;
using System.Text.Json;
using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.Http;

namespace Storyboard.Aws.Bedrock;

/// <summary>Bedrock over restJson1; URIs and query bindings follow the API model (checked by the conformance tests).</summary>
public sealed class BedrockClient : IBedrockApi
{
    private const string JsonContentType = "application/json";
    private static readonly BedrockJsonContext Json = BedrockJsonContext.Default;
    private readonly AwsJsonClient _client;

    public BedrockClient(AwsClientContext context)
    {
        _client = new AwsJsonClient(AwsServices.Bedrock, context);
    }

    public AwsJsonClient Transport => _client;

    public async Task<GetFoundationModelResponse> GetFoundationModelAsync(string modelIdentifier, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest("GetFoundationModel", HttpMethod.Get, Path("/foundation-models/{modelIdentifier}", "modelIdentifier", modelIdentifier));
        return _client.ReadJson(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false), request.Operation, Json.GetFoundationModelResponse);
    }

    public async Task<CreateModelCustomizationJobResponse> CreateModelCustomizationJobAsync(CreateModelCustomizationJobRequest request, CancellationToken cancellationToken = default)
    {
        var awsRequest = new AwsRequest("CreateModelCustomizationJob", HttpMethod.Post, "/model-customization-jobs")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(request, Json.CreateModelCustomizationJobRequest),
            ContentType = JsonContentType,
        };
        return _client.ReadJson(await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false), awsRequest.Operation, Json.CreateModelCustomizationJobResponse);
    }

    public async Task<GetModelCustomizationJobResponse> GetModelCustomizationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest("GetModelCustomizationJob", HttpMethod.Get, Path("/model-customization-jobs/{jobIdentifier}", "jobIdentifier", jobIdentifier));
        return _client.ReadJson(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false), request.Operation, Json.GetModelCustomizationJobResponse);
    }

    public async Task<ListModelCustomizationJobsResponse> ListModelCustomizationJobsAsync(ListModelCustomizationJobsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var awsRequest = new AwsRequest("ListModelCustomizationJobs", HttpMethod.Get, "/model-customization-jobs");
        AddQuery(awsRequest, "creationTimeAfter", request.CreationTimeAfter);
        AddQuery(awsRequest, "creationTimeBefore", request.CreationTimeBefore);
        AddQuery(awsRequest, "statusEquals", request.StatusEquals);
        AddQuery(awsRequest, "nameContains", request.NameContains);
        AddQuery(awsRequest, "maxResults", request.MaxResults);
        AddQuery(awsRequest, "nextToken", request.NextToken);
        AddQuery(awsRequest, "sortBy", request.SortBy);
        AddQuery(awsRequest, "sortOrder", request.SortOrder);
        return _client.ReadJson(await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false), awsRequest.Operation, Json.ListModelCustomizationJobsResponse);
    }

    public async Task StopModelCustomizationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest("StopModelCustomizationJob", HttpMethod.Post, Path("/model-customization-jobs/{jobIdentifier}/stop", "jobIdentifier", jobIdentifier));
        _client.ReadJson(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false), request.Operation, Json.EmptyResponse);
    }

    public async Task<CreateProvisionedModelThroughputResponse> CreateProvisionedModelThroughputAsync(CreateProvisionedModelThroughputRequest request, CancellationToken cancellationToken = default)
    {
        var awsRequest = new AwsRequest("CreateProvisionedModelThroughput", HttpMethod.Post, "/provisioned-model-throughput")
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(request, Json.CreateProvisionedModelThroughputRequest),
            ContentType = JsonContentType,
        };
        return _client.ReadJson(await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false), awsRequest.Operation, Json.CreateProvisionedModelThroughputResponse);
    }

    public async Task<GetProvisionedModelThroughputResponse> GetProvisionedModelThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest("GetProvisionedModelThroughput", HttpMethod.Get, Path("/provisioned-model-throughput/{provisionedModelId}", "provisionedModelId", provisionedModelId));
        return _client.ReadJson(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false), request.Operation, Json.GetProvisionedModelThroughputResponse);
    }

    public async Task<ListProvisionedModelThroughputsResponse> ListProvisionedModelThroughputsAsync(ListProvisionedModelThroughputsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var awsRequest = new AwsRequest("ListProvisionedModelThroughputs", HttpMethod.Get, "/provisioned-model-throughputs");
        AddQuery(awsRequest, "creationTimeAfter", request.CreationTimeAfter);
        AddQuery(awsRequest, "creationTimeBefore", request.CreationTimeBefore);
        AddQuery(awsRequest, "statusEquals", request.StatusEquals);
        AddQuery(awsRequest, "modelArnEquals", request.ModelArnEquals);
        AddQuery(awsRequest, "nameContains", request.NameContains);
        AddQuery(awsRequest, "maxResults", request.MaxResults);
        AddQuery(awsRequest, "nextToken", request.NextToken);
        AddQuery(awsRequest, "sortBy", request.SortBy);
        AddQuery(awsRequest, "sortOrder", request.SortOrder);
        return _client.ReadJson(await _client.SendAsync(awsRequest, cancellationToken).ConfigureAwait(false), awsRequest.Operation, Json.ListProvisionedModelThroughputsResponse);
    }

    public async Task DeleteProvisionedModelThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest("DeleteProvisionedModelThroughput", HttpMethod.Delete, Path("/provisioned-model-throughput/{provisionedModelId}", "provisionedModelId", provisionedModelId));
        _client.ReadJson(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false), request.Operation, Json.EmptyResponse);
    }

    private static string Path(string template, string label, string value) =>
        RequestTemplate.Expand(template, new Dictionary<string, string>(StringComparer.Ordinal) { [label] = value });

    private static void AddQuery(AwsRequest request, string name, string? value)
    {
        if (value is not null)
        {
            request.Query.Add(new(name, value));
        }
    }

    private static void AddQuery(AwsRequest request, string name, int? value)
    {
        if (value is not null)
        {
            request.Query.Add(new(name, value.Value.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>restJson query timestamps are ISO-8601 (date-time) in UTC.</summary>
    private static void AddQuery(AwsRequest request, string name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            request.Query.Add(new(name, value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
    }
}
