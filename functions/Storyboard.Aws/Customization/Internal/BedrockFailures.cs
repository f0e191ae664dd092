using Storyboard.Aws.Http;
using Storyboard.Core.Errors;
using Storyboard.Core.Requests;

namespace Storyboard.Aws.Customization.Internal;

/// <summary>
/// Turns what Bedrock answered into the product's named errors, because the error's type name is
/// what the workflow's Retry and the user see: throttling and faults that outlived the client's
/// retries become <see cref="TransientServiceException"/> (retried by the workflow later); refusals
/// become errors that say what to change. Anything else keeps its own type.
/// </summary>
internal static class BedrockFailures
{
    public const string NotFound = "ResourceNotFoundException";
    public const string Conflict = "ConflictException";
    public const string Validation = "ValidationException";

    public static bool IsNotFound(Exception exception) => exception is AwsServiceException { ErrorCode: NotFound };

    /// <summary>A create refused because the name is taken; Bedrock answers ConflictException, some paths a ValidationException that says so.</summary>
    public static bool IsAlreadyExists(Exception exception) => exception is AwsServiceException aws
        && (aws.ErrorCode == Conflict || (aws.ErrorCode == Validation && (aws.AwsMessage ?? string.Empty).Contains("already exist", StringComparison.OrdinalIgnoreCase)));

    /// <param name="permission">The IAM action(s) the call needs, named in the access-denied message.</param>
    /// <returns>The named error to throw instead, or null to let the original through.</returns>
    public static Exception? Translate(Exception exception, string serviceName, string permission)
    {
        switch (exception)
        {
            case AwsConnectionException or AwsRequestTimeoutException:
                return new TransientServiceException($"{serviceName} could not be reached after the client's retries ({exception.Message}); the step is tried again later.", exception);
            case AwsServiceException aws when RetryPolicy.IsRetryable(aws.StatusCode, aws.ErrorCode):
                return new TransientServiceException($"{serviceName} {aws.Operation} still answered {aws.ErrorCode} after the client's retries; the step is tried again later. {Said(aws)}", exception);
            case AwsServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" } aws:
                return new BedrockAccessDeniedException($"{serviceName} denied {aws.Operation}. Grant the caller {permission}. {Said(aws)}", exception);
            case AwsServiceException { ErrorCode: "ServiceQuotaExceededException" } aws:
                return new BedrockQuotaExceededException(
                    $"{serviceName} refused {aws.Operation}: a quota is used up. Wait for running jobs or throughputs to end, delete unused provisioned throughputs, or ask for a higher quota in Service Quotas (Amazon Bedrock). {Said(aws)}",
                    exception);
            case AwsServiceException { ErrorCode: Validation } aws:
                return new InvalidRequestException($"{serviceName} refused {aws.Operation} as invalid: {aws.AwsMessage ?? "no reason given"}. Fix the request or the run config; retrying the same request fails the same way.{RequestId(aws)}", exception);
            default:
                return null;
        }
    }

    private static string Said(AwsServiceException aws) => $"Bedrock said: {aws.AwsMessage ?? "no message"}.{RequestId(aws)}";

    private static string RequestId(AwsServiceException aws) => aws.RequestId is null ? string.Empty : $" [request id {aws.RequestId}]";
}
