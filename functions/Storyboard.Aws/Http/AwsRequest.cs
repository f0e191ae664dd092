namespace Storyboard.Aws.Http;

/// <summary>
/// One operation call in protocol terms, before signing: the path is already percent-encoded,
/// query values are plain (they are encoded once, identically, for the wire and the signature).
/// </summary>
public sealed class AwsRequest : IDisposable
{
    private IDisposable? _bodyOwner;

    public AwsRequest(string operation, HttpMethod method, string path)
    {
        Operation = operation;
        Method = method;
        Path = path;
    }

    public string Operation { get; }

    public HttpMethod Method { get; }

    public string Path { get; }

    public List<KeyValuePair<string, string>> Query { get; } = [];

    /// <summary>Extra headers to send and sign (members bound to headers, X-Amz-Target, Accept).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Content-Type of <see cref="Body"/>; not sent when the body is empty.</summary>
    public string? ContentType { get; init; }

    /// <summary>Overrides the client's per-attempt timeout (image generation takes minutes).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Returns a pooled body buffer, if the request owns one; the body is unusable afterwards.</summary>
    public void Dispose()
    {
        _bodyOwner?.Dispose();
        _bodyOwner = null;
    }

    internal static AwsRequest WithPooledBody(string operation, HttpMethod method, string path, PooledBufferWriter body, string contentType) =>
        new(operation, method, path) { Body = body.WrittenMemory, ContentType = contentType, _bodyOwner = body };
}
