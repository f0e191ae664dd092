using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Storyboard.Aws.Http;
using Storyboard.Core.Config;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Core.Vision;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Model;

namespace Storyboard.Cli.Stack;

/// <summary>
/// Turns the failures a user can fix into one line naming the fix (exit code 2). Anything not listed
/// here is a bug and keeps its stack trace.
/// </summary>
internal static class StackErrors
{
    public const int ExitProblem = 2;

    /// <summary>What PrepareRun would reject the run's input for.</summary>
    public static bool IsInputProblem(Exception e) =>
        e is InvalidExecutionInputException or InvalidRunConfigException or NoCharacterReferencesException or ObjectNotFoundException
            or InvalidObjectKeyException or InvalidRunIdException or JsonException;

    /// <returns>The line to print, or null when <paramref name="e"/> is not an expected failure.</returns>
    public static string? Describe(Exception e, string? bucket, string? stateMachine) => e switch
    {
        StackProblemException or NoPendingReviewException => e.Message,
        AwsConfigurationException => OneLine(e.Message),
        AwsServiceException service => Describe(service, stateMachine),
        AmazonS3Exception s3 => Describe(s3, bucket),
        Core.Errors.TransientServiceException transient => $"AWS stayed busy or unreachable: {OneLine(transient.Message)} Wait a minute, then run the command again.",
        AwsConnectionException or AwsRequestTimeoutException => $"AWS could not be reached: {OneLine(e.Message)} Check the network (and AWS_ENDPOINT_URL_* if set), then run the command again.",
        AmazonClientException client when client.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) => OneLine(StackAccess.NoCredentials(client).Message),
        AmazonClientException client => $"S3 could not be reached: {OneLine(client.Message)}",
        _ when IsInputProblem(e) => $"The run would be rejected: {e.Message}",
        IOException or UnauthorizedAccessException => e.Message,
        _ => null,
    };

    private static string Describe(AwsServiceException e, string? stateMachine) => e.ErrorCode switch
    {
        "AccessDeniedException" => $"Access denied: your credentials may not call states:{e.Operation} on this stack ({e.AwsMessage}). Use credentials of the account that deployed it, with Step Functions permissions.",
        "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignature" => "AWS rejected your credentials (" + e.ErrorCode + "): check AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.",
        "ExpiredTokenException" or "ExpiredToken" => "Your AWS session has expired: refresh it (e.g. 'aws sso login') and run the command again.",
        "StateMachineDoesNotExist" => $"The state machine {stateMachine} does not exist: check --state-machine or STORYBOARD_STATE_MACHINE_ARN against the stack output StateMachineArn (and that the stack is deployed).",
        "StateMachineDeleting" => $"The state machine {stateMachine} is being deleted: deploy the stack again first.",
        "ExecutionLimitExceeded" => "Step Functions refuses more open executions in this account and region: wait for runs to finish, then try again.",
        "InvalidArn" => $"Step Functions rejected an ARN: {e.AwsMessage} Check --state-machine (stack output StateMachineArn).",
        _ => $"Step Functions {e.Operation} failed with {e.ErrorCode}: {e.AwsMessage}",
    };

    private static string Describe(AmazonS3Exception e, string? bucket) => e.ErrorCode switch
    {
        "NoSuchBucket" => $"The bucket '{bucket}' does not exist: check --bucket or STORYBOARD_BUCKET against the stack output BucketName.",
        "AccessDenied" or "AllAccessDisabled" => $"Access denied to bucket '{bucket}' ({e.Message}): use credentials of the account that deployed the stack, allowed to read and write it.",
        "InvalidAccessKeyId" or "SignatureDoesNotMatch" => $"AWS rejected your credentials ({e.ErrorCode}): check AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.",
        "ExpiredToken" or "TokenRefreshRequired" => "Your AWS session has expired: refresh it (e.g. 'aws sso login') and run the command again.",
        "PermanentRedirect" or "AuthorizationHeaderMalformed" => $"The bucket '{bucket}' is in another region than the state machine: check that --bucket and --state-machine come from the same stack.",
        _ when e.StatusCode == HttpStatusCode.Forbidden => $"Access denied to bucket '{bucket}' ({e.ErrorCode}): use credentials allowed to read and write it.",
        _ => $"S3 failed with {e.ErrorCode} (HTTP {(int)e.StatusCode}): {e.Message}",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
