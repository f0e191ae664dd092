namespace Storyboard.Aws.Http;

/// <summary>The two wire protocols of the services this project calls (the model's metadata.protocol).</summary>
public enum AwsProtocol
{
    /// <summary>awsJson 1.0/1.1: always POST /, operation in X-Amz-Target, body is the whole input.</summary>
    Json,

    /// <summary>restJson1: method and URI per operation; members bound to the URI, query, headers or body.</summary>
    RestJson,
}
