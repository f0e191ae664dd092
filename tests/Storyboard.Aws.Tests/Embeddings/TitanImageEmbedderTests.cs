using System.Text.Json;
using Storyboard.Aws.Embeddings;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Imaging;

namespace Storyboard.Aws.Tests.Embeddings;

/// <summary>The Titan embedder against a real HTTP server on 127.0.0.1 that checks every signature.</summary>
public sealed class TitanImageEmbedderTests() : SignedServerTest("bedrock")
{
    [Fact]
    public async Task EmbedAsync_WhenTitanAnswers_ShouldSendTheImageAsBase64PngWithTheLength()
    {
        var image = TestImages.Gradient(40, 30);
        Server.Enqueue(ScriptedResponse.Ok(TitanBody(Raw(1024))));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime);

        await embedder.EmbedAsync(image, CancellationToken.None);

        var request = Assert.Single(Server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/model/amazon.titan-embed-image-v1/invoke", request.RawPath);
        Assert.Equal("application/json", request.Header("Content-Type"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("inputText", out _));
        Assert.Equal(1024, body.RootElement.GetProperty("embeddingConfig").GetProperty("outputEmbeddingLength").GetInt32());
        var sent = PngDecoder.Decode(Convert.FromBase64String(body.RootElement.GetProperty("inputImage").GetString()!));
        Assert.Equal((40, 30), (sent.Width, sent.Height));
        Assert.Equal(image.Pixels, sent.ToRgb().Pixels);
    }

    [Fact]
    public async Task EmbedAsync_WhenTitanReturnsAnUnnormalisedVector_ShouldReturnItAtUnitLengthInTheSameDirection()
    {
        var raw = Raw(384);
        Server.Enqueue(ScriptedResponse.Ok(TitanBody(raw)));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime, dimensions: 384);

        var vector = await embedder.EmbedAsync(TestImages.Gradient(8, 8), CancellationToken.None);

        Assert.Equal(384, vector.Length);
        Assert.Equal(384, embedder.Dimensions);
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        Assert.Equal(1.0, norm, 5);
        var rawNorm = Math.Sqrt(raw.Sum(v => (double)v * v));
        Assert.NotEqual(1.0, rawNorm, 2);
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.Equal(raw[i] / rawNorm, vector[i], 5);
        }
    }

    [Fact]
    public async Task EmbedAsync_WhenImageIsLargerThan2048_ShouldSendAnAreaAveragedCopyThatFits()
    {
        var image = TestImages.Halves(2999, 1200, (200, 30, 30), (20, 40, 220));
        Server.Enqueue(ScriptedResponse.Ok(TitanBody(Raw(1024))));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime);

        await embedder.EmbedAsync(image, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(Server.Received).Body);
        var sent = PngDecoder.Decode(Convert.FromBase64String(body.RootElement.GetProperty("inputImage").GetString()!)).ToRgb();
        Assert.Equal((2048, 819), (sent.Width, sent.Height));
        Assert.Equal((200, 30, 30), sent.GetPixel(10, 400));
        Assert.Equal((20, 40, 220), sent.GetPixel(2040, 400));

        // The output column straddling the colour boundary is the coverage-weighted mix, not either colour.
        // Red ends at source column 1499, which falls inside output column 1499 / (2999 / 2048) = 1023.66.
        var (r, _, b) = sent.GetPixel(1023, 400);
        Assert.InRange(r, 21, 199);
        Assert.InRange(b, 31, 219);
    }

    [Fact]
    public void EncodeWithinLimits_WhenThePngWouldExceedTheByteLimit_ShouldShrinkUntilItFits()
    {
        var noise = TestImages.Noise(1400, 1400, seed: 7);

        var png = TitanImageEmbedder.EncodeWithinLimits(noise);

        Assert.True(png.Length <= TitanImageEmbedder.MaxImageBytes, $"{png.Length} bytes");
        var decoded = PngDecoder.Decode(png);
        Assert.True(decoded.Width < 1400);
        Assert.Equal(decoded.Width, decoded.Height);
    }

    [Fact]
    public async Task EmbedAsync_WhenTitanReturnsTheWrongLength_ShouldThrowEmbeddingFailed()
    {
        Server.Enqueue(ScriptedResponse.Ok(TitanBody(Raw(256))));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<EmbeddingFailedException>(() => embedder.EmbedAsync(TestImages.Gradient(8, 8), CancellationToken.None));

        Assert.Contains("256", error.Message, StringComparison.Ordinal);
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_WhenTitanSetsMessage_ShouldThrowEmbeddingFailedWithIt()
    {
        Server.Enqueue(ScriptedResponse.Ok($$"""{"embedding":{{TestImages.JsonFloats(Raw(1024))}},"inputTextTokenCount":0,"message":"Unable to process the provided image"}"""));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<EmbeddingFailedException>(() => embedder.EmbedAsync(TestImages.Gradient(8, 8), CancellationToken.None));

        Assert.Contains("Unable to process the provided image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_WhenTitanReturnsAllZeros_ShouldThrowEmbeddingFailed()
    {
        Server.Enqueue(ScriptedResponse.Ok(TitanBody(new float[1024])));
        var embedder = new TitanImageEmbedder(new TestClients(Server).Clients.BedrockRuntime);

        await Assert.ThrowsAsync<EmbeddingFailedException>(() => embedder.EmbedAsync(TestImages.Gradient(8, 8), CancellationToken.None));
    }

    [Fact]
    public async Task EmbedAsync_WhenThrottledOnce_ShouldRetryTheSameRequestAndSucceed()
    {
        Server.Enqueue(
            new ScriptedResponse(429, """{"message":"Too many requests, please wait before trying again."}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/" }),
            ScriptedResponse.Ok(TitanBody(Raw(1024))));
        var test = new TestClients(Server);
        var embedder = new TitanImageEmbedder(test.Clients.BedrockRuntime);

        var vector = await embedder.EmbedAsync(TestImages.Gradient(16, 16), CancellationToken.None);

        Assert.Equal(1024, vector.Length);
        Assert.Equal(2, Server.Received.Count);
        Assert.Equal(Server.Received[0].Body, Server.Received[1].Body);
        Assert.Single(test.Delays);
    }

    [Fact]
    public async Task EmbedAsync_WhenAccessDenied_ShouldSurfaceTheServiceErrorWithoutRetrying()
    {
        Server.Enqueue(new ScriptedResponse(403, """{"message":"You don't have access to the model with the specified model ID."}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException" }));
        var test = new TestClients(Server);
        var embedder = new TitanImageEmbedder(test.Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => embedder.EmbedAsync(TestImages.Gradient(8, 8), CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Single(Server.Received);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(512)]
    [InlineData(1536)]
    public void Constructor_WhenDimensionsAreNotOfferedByTitan_ShouldThrowArgumentOutOfRange(int dimensions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TitanImageEmbedder(new UnusedRuntime(), dimensions: dimensions));
    }

    [Fact]
    public void Service_WhenLengthsOrModelsDiffer_ShouldDifferSoVectorsAreNeverCompared()
    {
        var runtime = new UnusedRuntime();

        Assert.Equal("aws:titan-embed-image-v1/1024", new TitanImageEmbedder(runtime).Service);
        Assert.Equal("aws:titan-embed-image-v1/256", new TitanImageEmbedder(runtime, dimensions: 256).Service);
        Assert.NotEqual(new TitanImageEmbedder(runtime).Service, new TitanImageEmbedder(runtime, "amazon.titan-embed-image-v2").Service);
    }

    private static float[] Raw(int length) => [.. Enumerable.Range(0, length).Select(i => (float)(Math.Sin(i * 0.37) * 0.05) + 0.01f)];

    private static string TitanBody(float[] embedding) =>
        $$"""{"embedding":{{TestImages.JsonFloats(embedding)}},"inputTextTokenCount":0}""";
}
