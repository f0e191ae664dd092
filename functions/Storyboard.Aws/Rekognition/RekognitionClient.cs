using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition.Model;

namespace Storyboard.Aws.Rekognition;

/// <summary>Rekognition over awsJson 1.1 (POST /, X-Amz-Target: RekognitionService.&lt;Operation&gt;).</summary>
public sealed class RekognitionClient : IRekognitionApi
{
    private static readonly RekognitionJsonContext Json = RekognitionJsonContext.Default;
    private readonly AwsJsonClient _client;

    public RekognitionClient(AwsClientContext context)
    {
        _client = new AwsJsonClient(AwsServices.Rekognition, context);
    }

    public AwsJsonClient Transport => _client;

    public Task<CreateCollectionResponse> CreateCollectionAsync(CreateCollectionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("CreateCollection", request, Json.CreateCollectionRequest, Json.CreateCollectionResponse, cancellationToken);

    public Task<DescribeCollectionResponse> DescribeCollectionAsync(DescribeCollectionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DescribeCollection", request, Json.DescribeCollectionRequest, Json.DescribeCollectionResponse, cancellationToken);

    public Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("IndexFaces", request, Json.IndexFacesRequest, Json.IndexFacesResponse, cancellationToken);

    public Task<ListFacesResponse> ListFacesAsync(ListFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("ListFaces", request, Json.ListFacesRequest, Json.ListFacesResponse, cancellationToken);

    public Task<DeleteFacesResponse> DeleteFacesAsync(DeleteFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DeleteFaces", request, Json.DeleteFacesRequest, Json.DeleteFacesResponse, cancellationToken);

    public Task<DetectLabelsResponse> DetectLabelsAsync(DetectLabelsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DetectLabels", request, Json.DetectLabelsRequest, Json.DetectLabelsResponse, cancellationToken);

    public Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DetectFaces", request, Json.DetectFacesRequest, Json.DetectFacesResponse, cancellationToken);

    public Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("SearchFacesByImage", request, Json.SearchFacesByImageRequest, Json.SearchFacesByImageResponse, cancellationToken);

    public Task<DetectCustomLabelsResponse> DetectCustomLabelsAsync(DetectCustomLabelsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DetectCustomLabels", request, Json.DetectCustomLabelsRequest, Json.DetectCustomLabelsResponse, cancellationToken);
}
