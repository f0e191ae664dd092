using System.Net;

namespace Storyboard.Aws.Http;

/// <summary>
/// An AWS service answered with an error. <see cref="ErrorCode"/> is the AWS error name
/// (e.g. ThrottlingException, ValidationException), which is what retry rules and Step Functions
/// Catch clauses key on.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException() { }

    public AwsServiceException(string message) : base(message) { }

    public AwsServiceException(string message, Exception innerException) : base(message, innerException) { }

    public AwsServiceException(string service, string operation, HttpStatusCode statusCode, string errorCode, string? awsMessage, string? requestId)
        : base(Describe(service, operation, statusCode, errorCode, awsMessage, requestId))
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
    }

    public string Service { get; } = string.Empty;

    public string Operation { get; } = string.Empty;

    public HttpStatusCode StatusCode { get; }

    public string ErrorCode { get; } = string.Empty;

    /// <summary>The service's own message, as returned.</summary>
    public string? AwsMessage { get; }

    /// <summary>Quote this to AWS support; it finds the request in their logs.</summary>
    public string? RequestId { get; }

    private static string Describe(string service, string operation, HttpStatusCode statusCode, string errorCode, string? awsMessage, string? requestId) =>
        $"{service} {operation} failed with {errorCode} (HTTP {(int)statusCode}): {awsMessage ?? "no message"}"
        + (requestId is null ? string.Empty : $" [request id {requestId}]");
}
