using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Storyboard.Aws.Tests.S3;

/// <summary>
/// Enough of S3's path-style REST API on 127.0.0.1 for the object store: PUT/GET/HEAD/DELETE
/// object, ListObjectsV2 with pagination, and multipart upload. Objects live in memory.
/// </summary>
internal sealed partial class LoopbackS3Server : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Data, DateTimeOffset Modified, string Version)> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, byte[]>> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _contentTypes = new(StringComparer.Ordinal);
    private int _versions;

    private LoopbackS3Server(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<string> Requests { get; } = new();

    public int AbortedUploads { get; private set; }

    /// <summary>The x-amz-tagging header each PutObject or CreateMultipartUpload carried, by key.</summary>
    public ConcurrentDictionary<string, string> Tagging { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the only bucket that exists: requests for any other get 404 NoSuchBucket.</summary>
    public string? ExistingBucket { get; set; }

    /// <summary>When set, every request gets 403 AccessDenied.</summary>
    public bool DenyAccess { get; set; }

    /// <summary>Like a versioned bucket: every write gets a new version id (x-amz-version-id).</summary>
    public bool Versioning { get; set; }

    public IReadOnlyDictionary<string, string> ContentTypes => _contentTypes.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

    /// <summary>When set, the next UploadPart with this number fails with 500 (to test abort).</summary>
    public int? FailPartNumber { get; set; }

    public IReadOnlyDictionary<string, byte[]> Objects => _objects.ToDictionary(o => o.Key, o => o.Value.Data, StringComparer.Ordinal);

    public static async Task<LoopbackS3Server> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var server = new LoopbackS3Server(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = rawTarget.Split('?', 2)[0];
        var query = context.Request.Query;
        Requests.Enqueue($"{context.Request.Method} {rawTarget}");
        var segments = path.TrimStart('/').Split('/', 2);
        var key = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "";
        var response = context.Response;
        if (context.Request.Headers.TryGetValue("x-amz-tagging", out var tagging))
        {
            Tagging[key] = tagging.ToString();
        }

        if (DenyAccess || (ExistingBucket is not null && segments[0] != ExistingBucket))
        {
            response.StatusCode = DenyAccess ? 403 : 404;
            if (context.Request.Method != "HEAD")
            {
                await WriteXmlAsync(response, DenyAccess
                    ? "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                    : $"<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>{SecurityElement.Escape(segments[0])}</BucketName></Error>");
            }

            return;
        }

        switch (context.Request.Method)
        {
            case "GET" when key.Length == 0 && query["list-type"] == "2":
                await WriteListAsync(context, segments[0]);
                return;
            case "PUT" when query.ContainsKey("partNumber"):
                var partNumber = int.Parse(query["partNumber"]!, CultureInfo.InvariantCulture);
                if (FailPartNumber == partNumber)
                {
                    FailPartNumber = null;
                    response.StatusCode = 500;
                    await response.WriteAsync("<Error><Code>InternalError</Code><Message>injected</Message></Error>");
                    return;
                }

                var partData = await ReadBodyAsync(context.Request);
                _uploads[query["uploadId"]!][partNumber] = partData;
                response.Headers.ETag = ETag(partData);
                return;
            case "PUT":
                var objectData = await ReadBodyAsync(context.Request);
                _objects[key] = (objectData, DateTimeOffset.UtcNow, NextVersion());
                _contentTypes[key] = context.Request.ContentType ?? string.Empty;
                response.Headers.ETag = ETag(objectData);
                AddVersion(response, key);
                return;
            case "POST" when query.ContainsKey("uploads"):
                var uploadId = Guid.NewGuid().ToString("N");
                _uploads[uploadId] = new ConcurrentDictionary<int, byte[]>();
                _contentTypes[key] = context.Request.ContentType ?? string.Empty;
                await WriteXmlAsync(response, $"<InitiateMultipartUploadResult><Bucket>{segments[0]}</Bucket><Key>{SecurityElement.Escape(key)}</Key><UploadId>{uploadId}</UploadId></InitiateMultipartUploadResult>");
                return;
            case "POST" when query.ContainsKey("uploadId"):
                var parts = _uploads[query["uploadId"]!];
                var completion = Encoding.UTF8.GetString(await ReadBodyAsync(context.Request));
                var numbers = PartNumberPattern().Matches(completion).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                _objects[key] = (numbers.SelectMany(n => parts[n]).ToArray(), DateTimeOffset.UtcNow, NextVersion());
                AddVersion(response, key);
                _uploads.TryRemove(query["uploadId"]!, out _);
                await WriteXmlAsync(response, $"<CompleteMultipartUploadResult><Bucket>{segments[0]}</Bucket><Key>{SecurityElement.Escape(key)}</Key><ETag>\"multi\"</ETag></CompleteMultipartUploadResult>");
                return;
            case "DELETE" when query.ContainsKey("uploadId"):
                _uploads.TryRemove(query["uploadId"]!, out _);
                AbortedUploads++;
                response.StatusCode = 204;
                return;
            case "DELETE":
                _objects.TryRemove(key, out _);
                response.StatusCode = 204;
                return;
            case "GET" or "HEAD":
                if (!_objects.TryGetValue(key, out var stored))
                {
                    response.StatusCode = 404;
                    if (context.Request.Method == "GET")
                    {
                        await WriteXmlAsync(response, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
                    }

                    return;
                }

                response.ContentLength = stored.Data.Length;
                response.Headers.LastModified = stored.Modified.ToString("R", CultureInfo.InvariantCulture);
                response.Headers.ETag = ETag(stored.Data);
                AddVersion(response, key);
                response.ContentType = "application/octet-stream";
                if (context.Request.Method == "GET")
                {
                    await response.Body.WriteAsync(stored.Data);
                }

                return;
            default:
                response.StatusCode = 501;
                return;
        }
    }

    private async Task WriteListAsync(HttpContext context, string bucket)
    {
        var query = context.Request.Query;
        var prefix = query["prefix"].ToString();
        var maxKeys = int.TryParse(query["max-keys"], out var m) ? m : 1000;
        var after = query["continuation-token"].ToString();
        var urlEncoding = query["encoding-type"] == "url";
        var matching = _objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(o.Key, after) > 0)
            .OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        var page = matching.Take(maxKeys).ToList();
        var truncated = matching.Count > page.Count;
        var xml = new StringBuilder($"<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>{bucket}</Name><Prefix>{SecurityElement.Escape(prefix)}</Prefix>");
        xml.Append(CultureInfo.InvariantCulture, $"<KeyCount>{page.Count}</KeyCount><MaxKeys>{maxKeys}</MaxKeys><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        if (urlEncoding)
        {
            xml.Append("<EncodingType>url</EncodingType>");
        }

        if (truncated)
        {
            xml.Append("<NextContinuationToken>").Append(SecurityElement.Escape(page[^1].Key)).Append("</NextContinuationToken>");
        }

        foreach (var (key, value) in page)
        {
            xml.Append("<Contents><Key>").Append(SecurityElement.Escape(urlEncoding ? Uri.EscapeDataString(key) : key)).Append("</Key>");
            xml.Append("<LastModified>").Append(value.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append("</LastModified>");
            xml.Append(CultureInfo.InvariantCulture, $"<ETag>\"etag\"</ETag><Size>{value.Data.Length}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        xml.Append("</ListBucketResult>");
        await WriteXmlAsync(context.Response, xml.ToString());
    }

    private string NextVersion() => Versioning ? "v" + Interlocked.Increment(ref _versions).ToString(CultureInfo.InvariantCulture) : "null";

    private void AddVersion(HttpResponse response, string key)
    {
        if (Versioning)
        {
            response.Headers["x-amz-version-id"] = _objects[key].Version;
        }
    }

    /// <summary>Reads a body, undoing aws-chunked framing when the SDK streams with chunk signatures or trailers.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var sha = request.Headers["x-amz-content-sha256"].ToString();
        var chunked = request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.Ordinal) || sha.StartsWith("STREAMING-", StringComparison.Ordinal);
        if (!chunked)
        {
            return raw;
        }

        using var data = new MemoryStream();
        var position = 0;
        while (position < raw.Length)
        {
            var lineEnd = IndexOfCrLf(raw, position);
            var header = Encoding.ASCII.GetString(raw, position, lineEnd - position);
            var size = Convert.ToInt32(header.Split(';')[0], 16);
            position = lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            data.Write(raw, position, size);
            position += size + 2;
        }

        return data.ToArray();
    }

    private static int IndexOfCrLf(byte[] data, int from)
    {
        for (var i = from; i < data.Length - 1; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n')
            {
                return i;
            }
        }

        throw new InvalidDataException("aws-chunked framing without CRLF");
    }

    /// <summary>S3's ETag of a single-part object is the hex MD5 of its bytes; the SDK checks it.</summary>
#pragma warning disable CA5351 // MD5 is what S3 uses for ETags, not a security measure here.
    private static string ETag(byte[] data) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data)) + "\"";
#pragma warning restore CA5351

    private static async Task WriteXmlAsync(HttpResponse response, string xml)
    {
        response.ContentType = "application/xml";
        await response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }

    [GeneratedRegex("<PartNumber>(\\d+)</PartNumber>")]
    private static partial Regex PartNumberPattern();
}
