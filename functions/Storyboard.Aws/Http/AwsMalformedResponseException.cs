namespace Storyboard.Aws.Http;

/// <summary>
/// A call succeeded (HTTP 2xx) but its body is not the JSON the API promises. Usually a proxy or
/// a wrong endpoint URL (AWS_ENDPOINT_URL…) answering instead of the service.
/// </summary>
public sealed class AwsMalformedResponseException : Exception
{
    public AwsMalformedResponseException() { }

    public AwsMalformedResponseException(string message) : base(message) { }

    public AwsMalformedResponseException(string message, Exception innerException) : base(message, innerException) { }
}
