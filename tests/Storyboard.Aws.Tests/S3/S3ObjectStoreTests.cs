using System.Text;
using System.Web;
using Amazon.Runtime;
using Amazon.S3;
using Storyboard.Aws.S3;
using Storyboard.Aws.Signing;
using Storyboard.Core.Storage;

namespace Storyboard.Aws.Tests.S3;

/// <summary>The S3 store through the real AWSSDK.S3 client against an S3-speaking loopback server.</summary>
public sealed class S3ObjectStoreTests : IAsyncLifetime
{
    private const string Bucket = "storyboard-test";
    private static readonly AwsCredentials Keys = new("AKIDS3EXAMPLE", "s3/secret+EXAMPLE");

    private LoopbackS3Server _server = null!;
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackS3Server.StartAsync();
        _s3 = new AmazonS3Client(new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = _server.BaseUri.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WriteThenRead_WhenObjectIsSmall_ShouldRoundTripTheBytes()
    {
        var store = new S3ObjectStore(_s3, Bucket);

        await store.WriteTextAsync("runs/r1/plan.json", """{"segments":[]}""");
        var text = await store.ReadTextAsync("runs/r1/plan.json");
        var info = await store.GetInfoAsync("runs/r1/plan.json");

        Assert.Equal("""{"segments":[]}""", text);
        Assert.Equal(15, info!.Size);
        Assert.True(await store.ExistsAsync("runs/r1/plan.json"));
        Assert.Contains(_server.Requests, r => r.StartsWith("PUT /storyboard-test/runs/r1/plan.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_WhenFrameTagIsSet_ShouldTagFramesOnlyInBothUploadForms()
    {
        var store = new S3ObjectStore(_s3, Bucket, new S3ObjectStoreOptions(PartSize: S3ObjectStoreOptions.MinimumPartSize, FrameTag: ObjectTag.Parse("storyboard:kind=frame")));
        var big = new byte[S3ObjectStoreOptions.MinimumPartSize + 10];

        await store.WriteTextAsync("runs/r1/frames/seg-0000/000001000.jpg", "jpeg");
        await store.WriteAsync("runs/r1/frames/seg-0000/000002000.jpg", new MemoryStream(big));
        await store.WriteTextAsync("runs/r1/plan.json", "{}");

        Assert.Equal("storyboard%3Akind=frame", _server.Tagging["runs/r1/frames/seg-0000/000001000.jpg"]);
        Assert.Equal("storyboard%3Akind=frame", _server.Tagging["runs/r1/frames/seg-0000/000002000.jpg"]);
        Assert.False(_server.Tagging.ContainsKey("runs/r1/plan.json"));
    }

    [Fact]
    public async Task CreateDefaultClient_WhenAwsEndpointUrlS3IsSet_ShouldTalkToThatEndpointWithTheGivenCredentials()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_S3"] = _server.BaseUri.ToString() };
        using var client = S3ObjectStore.CreateDefaultClient("eu-west-1", environment.GetValueOrDefault, new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey));
        var store = new S3ObjectStore(client, Bucket);

        await store.WriteTextAsync("runs/r1/config.json", "{}");

        Assert.Equal("{}", await store.ReadTextAsync("runs/r1/config.json"));
        Assert.Contains(_server.Requests, r => r.StartsWith("PUT /storyboard-test/runs/r1/config.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenRead_WhenObjectIsAbsent_ShouldThrowObjectNotFound()
    {
        var store = new S3ObjectStore(_s3, Bucket);

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync("runs/none.json"));
        Assert.Null(await store.GetInfoAsync("runs/none.json"));
    }

    [Fact]
    public async Task Write_WhenLargerThanOnePart_ShouldUploadInPartsAndReadBackIdentically()
    {
        var store = new S3ObjectStore(_s3, Bucket, new S3ObjectStoreOptions(PartSize: S3ObjectStoreOptions.MinimumPartSize));
        var data = new byte[(S3ObjectStoreOptions.MinimumPartSize * 2) + 12345];
        new Random(3).NextBytes(data);

        await store.WriteAsync("uploads/video.mp4", new NonSeekableStream(data), "video/mp4");
        var read = await store.ReadBytesAsync("uploads/video.mp4");

        Assert.Equal(data, read);
        Assert.Equal(3, _server.Requests.Count(r => r.Contains("partNumber=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Write_WhenAPartFails_ShouldAbortTheUploadAndLeaveNoObject()
    {
        var store = new S3ObjectStore(_s3, Bucket, new S3ObjectStoreOptions(PartSize: S3ObjectStoreOptions.MinimumPartSize));
        _server.FailPartNumber = 2;
        var data = new byte[(S3ObjectStoreOptions.MinimumPartSize * 2) + 1];
        var s3Client = new AmazonS3Client(new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = _server.BaseUri.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
        store = new S3ObjectStore(s3Client, Bucket, new S3ObjectStoreOptions(PartSize: S3ObjectStoreOptions.MinimumPartSize));

        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => store.WriteAsync("uploads/broken.mp4", new MemoryStream(data)));

        Assert.Equal(1, _server.AbortedUploads);
        Assert.False(await store.ExistsAsync("uploads/broken.mp4"));
        s3Client.Dispose();
    }

    [Fact]
    public async Task List_WhenMoreKeysThanOnePage_ShouldPageInOrdinalOrderWithinThePrefix()
    {
        var store = new S3ObjectStore(_s3, Bucket, new S3ObjectStoreOptions(KeyPrefix: "deploy-a/", ListPageSize: 2));
        string[] keys = ["runs/r1/crops/Tux/b.png", "runs/r1/crops/Tux/a.png", "runs/r1/crops/Gnu/a b.png", "runs/r1/plan.json", "runs/r2/plan.json"];
        foreach (var key in keys)
        {
            await store.WriteTextAsync(key, key);
        }

        var listed = new List<string>();
        await foreach (var item in store.ListAsync("runs/r1/"))
        {
            listed.Add(item.Key);
        }

        Assert.Equal(keys.Where(k => k.StartsWith("runs/r1/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), listed);
        Assert.True(_server.Requests.Count(r => r.Contains("list-type=2", StringComparison.Ordinal)) >= 2);
        Assert.Contains("deploy-a/runs/r1/plan.json", _server.Objects.Keys);
    }

    [Fact]
    public async Task Delete_WhenObjectExistsOrNot_ShouldRemoveItWithoutError()
    {
        var store = new S3ObjectStore(_s3, Bucket);
        await store.WriteTextAsync("runs/r1/tmp.txt", "x");

        await store.DeleteAsync("runs/r1/tmp.txt");
        await store.DeleteAsync("runs/r1/tmp.txt");

        Assert.False(await store.ExistsAsync("runs/r1/tmp.txt"));
    }

    [Fact]
    public async Task Write_WhenKeyEscapesTheRunFolder_ShouldThrowInvalidObjectKey()
    {
        var store = new S3ObjectStore(_s3, Bucket);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.WriteTextAsync("runs/../../etc/passwd", "x"));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GetReadableLocation_WhenAsked_ShouldReturnAPresignedGetUrlThatReadsTheObject()
    {
        var store = new S3ObjectStore(_s3, Bucket);
        await store.WriteTextAsync("uploads/clip one.mp4", "video-bytes");

        var location = new Uri(await store.GetReadableLocationAsync("uploads/clip one.mp4", TimeSpan.FromMinutes(15)));

        Assert.Equal(_server.BaseUri.Authority, location.Authority);
        Assert.Equal("/storyboard-test/uploads/clip%20one.mp4", location.AbsolutePath);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Matches("^AKIDS3EXAMPLE/\\d{8}/us-east-1/s3/aws4_request$", query["X-Amz-Credential"]);
        Assert.Equal("900", query["X-Amz-Expires"]);
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        Assert.Matches("^[0-9a-f]{64}$", query["X-Amz-Signature"]);
        Assert.Equal(ExpectedPresignedSignature(location), query["X-Amz-Signature"]);

        using var http = new HttpClient();
        Assert.Equal("video-bytes", await http.GetStringAsync(location));
    }

    /// <summary>Recomputes the presigned signature with the product's signer in S3 mode (path as sent, UNSIGNED-PAYLOAD).</summary>
    private static string ExpectedPresignedSignature(Uri location)
    {
        var query = HttpUtility.ParseQueryString(location.Query);
        var parameters = query.AllKeys.Where(k => k != "X-Amz-Signature").Select(k => new KeyValuePair<string, string>(k!, query[k]!)).ToList();
        var date = DateTime.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var details = new SigV4Details();
        new SigV4Signer(SigV4PathStyle.AsSent).Sign("GET", location.AbsolutePath, parameters, [new("host", location.Authority)], "UNSIGNED-PAYLOAD", Keys, "us-east-1", "s3", date, details);
        return details.Signature;
    }

    /// <summary>A stream of unknown length, like a pipe from ffmpeg.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
