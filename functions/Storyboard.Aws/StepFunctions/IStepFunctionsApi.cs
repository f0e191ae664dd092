using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Aws.StepFunctions;

/// <summary>The AWS Step Functions operations this product uses: start and inspect runs, redrive, answer callbacks.</summary>
public interface IStepFunctionsApi
{
    Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

    Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default);

    Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default);

    Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default);

    Task SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default);
}
