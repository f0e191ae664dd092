using Storyboard.Aws.Rekognition.Model;

namespace Storyboard.Aws.Rekognition;

/// <summary>The Amazon Rekognition operations this product uses (face collections and image analysis).</summary>
public interface IRekognitionApi
{
    Task<CreateCollectionResponse> CreateCollectionAsync(CreateCollectionRequest request, CancellationToken cancellationToken = default);

    Task<DescribeCollectionResponse> DescribeCollectionAsync(DescribeCollectionRequest request, CancellationToken cancellationToken = default);

    Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default);

    Task<ListFacesResponse> ListFacesAsync(ListFacesRequest request, CancellationToken cancellationToken = default);

    Task<DeleteFacesResponse> DeleteFacesAsync(DeleteFacesRequest request, CancellationToken cancellationToken = default);

    Task<DetectLabelsResponse> DetectLabelsAsync(DetectLabelsRequest request, CancellationToken cancellationToken = default);

    Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default);

    Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default);

    Task<DetectCustomLabelsResponse> DetectCustomLabelsAsync(DetectCustomLabelsRequest request, CancellationToken cancellationToken = default);
}
