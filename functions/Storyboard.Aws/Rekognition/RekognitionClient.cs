using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition.Model;

namespace Storyboard.Aws.Rekognition;

/// <summary>Rekognition over awsJson 1.1 (POST /, X-Amz-Target: RekognitionService.&lt;Operation&gt;).</summary>
public sealed class RekognitionClient : IRekognitionApi
{
    /// <summary>Inline image bytes Rekognition accepts (DetectCustomLabels: <see cref="MaxCustomLabelsImageBytes"/>).</summary>
    public const int MaxImageBytes = 5 * 1024 * 1024;

    public const int MaxCustomLabelsImageBytes = 4 * 1024 * 1024;

    private static readonly RekognitionJsonContext Json = RekognitionJsonContext.Default;
    private readonly AwsJsonClient _client;

    public RekognitionClient(AwsClientContext context)
    {
        _client = new AwsJsonClient(AwsServices.Rekognition, context);
    }

    public AwsJsonClient Transport => _client;

    /// <summary>Checks an image against Rekognition's input rules, so a bad frame fails fast with a useful message.</summary>
    public static void Validate(Image image, int maxBytes = MaxImageBytes)
    {
        ArgumentNullException.ThrowIfNull(image);
        if ((image.Bytes is null) == (image.S3Object is null))
        {
            throw new InvalidRekognitionImageException("A Rekognition image needs exactly one source: Bytes or S3Object.");
        }

        if (image.Bytes is { Length: 0 })
        {
            throw new InvalidRekognitionImageException("The image has no bytes.");
        }

        if (image.Bytes is { } bytes && bytes.Length > maxBytes)
        {
            throw new InvalidRekognitionImageException(
                $"The image is {bytes.Length:N0} bytes; Rekognition accepts at most {maxBytes:N0} inline. Pass it as an S3Object (up to 15 MB) or scale it down.");
        }

        if (image.S3Object is { } s3 && (string.IsNullOrWhiteSpace(s3.Bucket) || string.IsNullOrWhiteSpace(s3.Name)))
        {
            throw new InvalidRekognitionImageException("An S3Object image needs a bucket and a key.");
        }
    }

    public Task<CreateCollectionResponse> CreateCollectionAsync(CreateCollectionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("CreateCollection", request, Json.CreateCollectionRequest, Json.CreateCollectionResponse, cancellationToken);

    public Task<DescribeCollectionResponse> DescribeCollectionAsync(DescribeCollectionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DescribeCollection", request, Json.DescribeCollectionRequest, Json.DescribeCollectionResponse, cancellationToken);

    public Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Image);
        return _client.InvokeJsonAsync("IndexFaces", request, Json.IndexFacesRequest, Json.IndexFacesResponse, cancellationToken);
    }

    public Task<ListFacesResponse> ListFacesAsync(ListFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("ListFaces", request, Json.ListFacesRequest, Json.ListFacesResponse, cancellationToken);

    public Task<DeleteFacesResponse> DeleteFacesAsync(DeleteFacesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DeleteFaces", request, Json.DeleteFacesRequest, Json.DeleteFacesResponse, cancellationToken);

    public Task<DetectLabelsResponse> DetectLabelsAsync(DetectLabelsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Image);
        return _client.InvokeJsonAsync("DetectLabels", request, Json.DetectLabelsRequest, Json.DetectLabelsResponse, cancellationToken);
    }

    public Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Image);
        return _client.InvokeJsonAsync("DetectFaces", request, Json.DetectFacesRequest, Json.DetectFacesResponse, cancellationToken);
    }

    public Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Image);
        return _client.InvokeJsonAsync("SearchFacesByImage", request, Json.SearchFacesByImageRequest, Json.SearchFacesByImageResponse, cancellationToken);
    }

    public Task<DetectCustomLabelsResponse> DetectCustomLabelsAsync(DetectCustomLabelsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Image, MaxCustomLabelsImageBytes);
        return _client.InvokeJsonAsync("DetectCustomLabels", request, Json.DetectCustomLabelsRequest, Json.DetectCustomLabelsResponse, cancellationToken);
    }
}
