using Storyboard.Aws.Bedrock.Model;

namespace Storyboard.Aws.Bedrock;

/// <summary>The Amazon Bedrock control-plane operations this product uses: model facts, fine-tuning, provisioned throughput.</summary>
public interface IBedrockApi
{
    Task<GetFoundationModelResponse> GetFoundationModelAsync(string modelIdentifier, CancellationToken cancellationToken = default);

    Task<CreateModelCustomizationJobResponse> CreateModelCustomizationJobAsync(CreateModelCustomizationJobRequest request, CancellationToken cancellationToken = default);

    /// <param name="jobIdentifier">Job name or ARN.</param>
    Task<GetModelCustomizationJobResponse> GetModelCustomizationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default);

    Task<ListModelCustomizationJobsResponse> ListModelCustomizationJobsAsync(ListModelCustomizationJobsRequest request, CancellationToken cancellationToken = default);

    Task StopModelCustomizationJobAsync(string jobIdentifier, CancellationToken cancellationToken = default);

    Task<CreateProvisionedModelThroughputResponse> CreateProvisionedModelThroughputAsync(CreateProvisionedModelThroughputRequest request, CancellationToken cancellationToken = default);

    /// <param name="provisionedModelId">Name or ARN.</param>
    Task<GetProvisionedModelThroughputResponse> GetProvisionedModelThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default);

    Task<ListProvisionedModelThroughputsResponse> ListProvisionedModelThroughputsAsync(ListProvisionedModelThroughputsRequest request, CancellationToken cancellationToken = default);

    Task DeleteProvisionedModelThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default);
}
