namespace Storyboard.Asl.Tasks;

/// <summary>
/// An error a service returned. Step Functions names it <c>&lt;Service&gt;.&lt;ErrorCode&gt;</c>, adding the
/// <c>Exception</c> suffix when the code lacks it (S3's BucketAlreadyExists → S3.BucketAlreadyExistsException).
/// </summary>
public sealed class ServiceIntegrationException : Exception
{
    public ServiceIntegrationException() : this("ServiceException", "The service failed.") { }

    public ServiceIntegrationException(string message) : this("ServiceException", message) { }

    public ServiceIntegrationException(string message, Exception innerException) : base(message, innerException) => ErrorCode = "ServiceException";

    public ServiceIntegrationException(string errorCode, string message) : base(message) => ErrorCode = errorCode;

    public string ErrorCode { get; }
}
