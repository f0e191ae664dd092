using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.S3.Model;
using Storyboard.Aws.Http;
using Storyboard.Core.Storage;

namespace Storyboard.Aws.S3;

/// <summary>
/// The run's bucket in AWS. Reads stream straight from S3; writes are whole-or-nothing (one
/// PutObject, or a multipart upload that is completed only after every part arrived and aborted
/// otherwise); listings page through ListObjectsV2 in S3's key order; a child process such as
/// ffmpeg reads an object through a presigned GET URL instead of a local copy.
/// </summary>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly S3ObjectStoreOptions _options;

    public S3ObjectStore(IAmazonS3 s3, string bucket, S3ObjectStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        _options = options ?? new S3ObjectStoreOptions();
        if (_options.PartSize < S3ObjectStoreOptions.MinimumPartSize)
        {
            throw new ArgumentException($"PartSize must be at least {S3ObjectStoreOptions.MinimumPartSize} bytes (S3's minimum part size).", nameof(options));
        }

        if (_options.ListPageSize is < 1 or > 1000)
        {
            throw new ArgumentException("ListPageSize must be 1–1000.", nameof(options));
        }

        _s3 = s3;
        _bucket = bucket;
    }

    /// <summary>
    /// An S3 client with the SDK's default credential and region chains; AWS_ENDPOINT_URL_S3 or
    /// AWS_ENDPOINT_URL (local emulators) switch to that endpoint with path-style addressing.
    /// </summary>
    /// <param name="credentials">Null: the SDK's default chain. A caller that signs other services with the same
    /// identity passes the credentials it resolved once, so S3 and those services act as the same principal.</param>
    public static IAmazonS3 CreateDefaultClient(string? region = null, Func<string, string?>? environment = null, AWSCredentials? credentials = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var regionName = EndpointResolver.ResolveRegion(region);
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(regionName) };
        var endpoint = environment("AWS_ENDPOINT_URL_S3") ?? environment("AWS_ENDPOINT_URL");
        if (!string.IsNullOrWhiteSpace(endpoint) && !string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // Setting ServiceURL clears RegionEndpoint; requests are still signed for the region.
            config.ServiceURL = endpoint.Trim();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = regionName;
        }

        return new AmazonS3Client(credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(), config);
    }

    public string Bucket => _bucket;

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var s3Key = ToS3Key(key);
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = s3Key }, cancellationToken).ConfigureAwait(false);
            return new ResponseOwningStream(response);
        }
        catch (AmazonS3Exception ex) when (IsNotFound(ex))
        {
            throw ObjectNotFoundException.ForKey(key);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        await GetInfoAsync(key, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var s3Key = ToS3Key(key);
        try
        {
            var response = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = s3Key }, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(key, response.ContentLength, ToOffset(response.LastModified));
        }
        catch (AmazonS3Exception ex) when (IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var s3Key = ToS3Key(key);
        var partSize = _options.PartSize;
        var first = new byte[partSize];
        var firstLength = await FillAsync(content, first, cancellationToken).ConfigureAwait(false);
        if (firstLength < partSize)
        {
            using var body = new MemoryStream(first, 0, firstLength, writable: false);
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = s3Key,
                InputStream = body,
                ContentType = contentType ?? "application/octet-stream",
                AutoCloseStream = false,
                TagSet = TagsFor(key),
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await MultipartUploadAsync(key, s3Key, content, first, contentType, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _options.KeyPrefix + prefix, MaxKeys = _options.ListPageSize };
        do
        {
            var page = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new ObjectInfo(item.Key[_options.KeyPrefix.Length..], item.Size ?? 0, ToOffset(item.LastModified));
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var s3Key = ToS3Key(key);
        try
        {
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = s3Key }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (IsNotFound(ex))
        {
            // Deleting an absent object is not an error, as in S3 itself.
        }
    }

    public async Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default)
    {
        if (validity <= TimeSpan.Zero || validity > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(validity), validity, "A presigned URL is valid for more than zero and at most 7 days.");
        }

        var s3Key = ToS3Key(key);
        var serviceUrl = (_s3.Config as AmazonS3Config)?.ServiceURL;
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = s3Key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(validity),
            Protocol = serviceUrl is not null && serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        cancellationToken.ThrowIfCancellationRequested();
        return await _s3.GetPreSignedURLAsync(request).ConfigureAwait(false);
    }

    private List<Tag>? TagsFor(string key) =>
        _options.FrameTag is { } tag && Core.Runs.RunLayout.IsFrameKey(key) ? [new Tag { Key = tag.Key, Value = tag.Value }] : null;

    private async Task MultipartUploadAsync(string key, string s3Key, Stream content, byte[] first, string? contentType, CancellationToken cancellationToken)
    {
        var started = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = s3Key,
            ContentType = contentType ?? "application/octet-stream",
            TagSet = TagsFor(key),
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            var buffer = first;
            var length = first.Length;
            var second = new byte[first.Length];
            for (var partNumber = 1; length > 0; partNumber++)
            {
                if (partNumber > 10_000)
                {
                    throw new InvalidOperationException($"The object needs more than 10,000 parts of {first.Length} bytes; raise PartSize.");
                }

                using var part = new MemoryStream(buffer, 0, length, writable: false);
                var uploaded = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = s3Key,
                    UploadId = started.UploadId,
                    PartNumber = partNumber,
                    PartSize = length,
                    InputStream = part,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, uploaded.ETag));

                (buffer, second) = (second, buffer);
                length = await FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
            }

            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = s3Key,
                UploadId = started.UploadId,
                PartETags = parts,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing becomes visible, and the parts stop costing storage.
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = s3Key, UploadId = started.UploadId }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private string ToS3Key(string key) => _options.KeyPrefix + ObjectKey.Validate(key);

    private static bool IsNotFound(AmazonS3Exception ex) =>
        ex.StatusCode == HttpStatusCode.NotFound || ex.ErrorCode is "NoSuchKey" or "NotFound";

    private static DateTimeOffset ToOffset(DateTime? value) =>
        value is null ? DateTimeOffset.UnixEpoch : new DateTimeOffset(DateTime.SpecifyKind(value.Value.ToUniversalTime(), DateTimeKind.Utc));
}
