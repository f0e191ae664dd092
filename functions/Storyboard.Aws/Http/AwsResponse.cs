using System.Net;

namespace Storyboard.Aws.Http;

/// <summary>A successful response, read whole (AWS JSON responses are small; images are a few MB at most).</summary>
public sealed record AwsResponse(HttpStatusCode StatusCode, string? RequestId, string? ContentType, byte[] Body);
