namespace Storyboard.Aws.Http;

/// <summary>
/// What a service's API model says about how to reach and sign it (botocore service-2.json
/// "metadata"). Hand-copied into <see cref="AwsServices"/>; a test checks every value against the
/// model files, so nothing at runtime reads the models.
/// </summary>
/// <param name="ServiceId">The model's serviceId; also names the AWS_ENDPOINT_URL_&lt;SERVICE&gt; variable.</param>
/// <param name="ModelName">File name stem of the model (for tests and messages).</param>
/// <param name="EndpointPrefix">Host prefix: https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com.</param>
/// <param name="SigningName">SigV4 service name (Bedrock Runtime signs as "bedrock").</param>
/// <param name="JsonVersion">awsJson version ("1.0"/"1.1"); null for restJson.</param>
/// <param name="TargetPrefix">X-Amz-Target prefix; null for restJson.</param>
/// <param name="S3StyleSigning">
/// S3's SigV4 variant: the path is signed exactly as sent (no normalization, no second encoding)
/// and the payload hash travels in a signed x-amz-content-sha256 header.
/// </param>
public sealed record ServiceMetadata(
    string ServiceId,
    string ModelName,
    string ApiVersion,
    string EndpointPrefix,
    string SigningName,
    AwsProtocol Protocol,
    string? JsonVersion,
    string? TargetPrefix,
    bool S3StyleSigning = false)
{
    /// <summary>The Content-Type of an awsJson request body.</summary>
    public string JsonContentType => "application/x-amz-json-" + (JsonVersion ?? "1.1");

    /// <summary>The standard endpoint variable for this service, e.g. AWS_ENDPOINT_URL_BEDROCK_RUNTIME.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}
