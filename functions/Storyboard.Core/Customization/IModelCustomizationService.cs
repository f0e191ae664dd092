namespace Storyboard.Core.Customization;

/// <summary>
/// Bedrock model customization and provisioned throughput: Bedrock in AWS, a dry run that
/// validates every request and walks the lifecycle offline.
/// </summary>
public interface IModelCustomizationService
{
    /// <summary>Names the service in every record it leads to, e.g. "Amazon Bedrock (us-east-1)".</summary>
    string ServiceName { get; }

    /// <summary>True when no model is ever trained or served (the offline dry run).</summary>
    bool IsDryRun { get; }

    /// <summary>
    /// Starts the job. A request with a client request token Bedrock has already seen is ignored
    /// and the earlier job is returned, so a retried call never starts a second job.
    /// </summary>
    /// <exception cref="Requests.InvalidRequestException">The request breaks the API's or the model's rules.</exception>
    Task<CustomizationJob> StartJobAsync(CustomizationJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>The job by ARN or name; null when there is none.</summary>
    Task<CustomizationJob?> GetJobAsync(string jobIdentifier, CancellationToken cancellationToken = default);

    /// <exception cref="Requests.InvalidRequestException">The request breaks the API's rules.</exception>
    Task<ProvisionedThroughput> CreateThroughputAsync(ThroughputRequest request, CancellationToken cancellationToken = default);

    /// <summary>The throughput by ARN or name; null when there is none.</summary>
    Task<ProvisionedThroughput?> GetThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the throughput; false when there was none (absent is not an error).</summary>
    Task<bool> DeleteThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default);
}
