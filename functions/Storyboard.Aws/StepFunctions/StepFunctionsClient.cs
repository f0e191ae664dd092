using Storyboard.Aws.Http;
using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Aws.StepFunctions;

/// <summary>Step Functions over awsJson 1.0 (POST /, X-Amz-Target: AWSStepFunctions.&lt;Operation&gt;).</summary>
public sealed class StepFunctionsClient : IStepFunctionsApi
{
    private static readonly StepFunctionsJsonContext Json = StepFunctionsJsonContext.Default;
    private readonly AwsJsonClient _client;

    public StepFunctionsClient(AwsClientContext context)
    {
        _client = new AwsJsonClient(AwsServices.StepFunctions, context);
    }

    public AwsJsonClient Transport => _client;

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("StartExecution", request, Json.StartExecutionRequest, Json.StartExecutionResponse, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("DescribeExecution", request, Json.DescribeExecutionRequest, Json.DescribeExecutionResponse, cancellationToken);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("RedriveExecution", request, Json.RedriveExecutionRequest, Json.RedriveExecutionResponse, cancellationToken);

    public Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("SendTaskSuccess", request, Json.SendTaskSuccessRequest, Json.EmptyResponse, cancellationToken);

    public Task SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeJsonAsync("SendTaskFailure", request, Json.SendTaskFailureRequest, Json.EmptyResponse, cancellationToken);
}
