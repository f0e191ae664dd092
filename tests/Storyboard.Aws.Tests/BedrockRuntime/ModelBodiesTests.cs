using System.Text;
using System.Text.Json;
using Storyboard.Aws.BedrockRuntime.Models;

namespace Storyboard.Aws.Tests.BedrockRuntime;

public sealed class ModelBodiesTests
{
    [Fact]
    public void NovaImageQuestion_WhenBuilt_ShouldFollowMessagesV1()
    {
        var body = ModelBodies.NovaImageQuestion([1, 2, 3], "png", "Describe.", "You caption frames.", new NovaInferenceConfig(MaxTokens: 300, Temperature: 0.3, TopK: 20));

        Assert.Equal(
            """{"schemaVersion":"messages-v1","messages":[{"role":"user","content":[{"image":{"format":"png","source":{"bytes":"AQID"}}},{"text":"Describe."}]}],"system":[{"text":"You caption frames."}],"inferenceConfig":{"maxTokens":300,"temperature":0.3,"topK":20}}""",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void ReadNova_WhenGivenTheDocumentedResponse_ShouldExtractTheText()
    {
        var response = ModelBodies.ReadNova(Encoding.UTF8.GetBytes(
            """{"output":{"message":{"role":"assistant","content":[{"text":"Tux stands "},{"text":"on ice."}]}},"stopReason":"end_turn","usage":{"inputTokens":1200,"outputTokens":9,"totalTokens":1209}}"""));

        Assert.Equal("Tux stands on ice.", response.Text);
        Assert.Equal(1209, response.Usage!.TotalTokens);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(512)]
    public void TitanEmbedding_WhenLengthIsNotSupported_ShouldThrow(int length)
    {
        Assert.Throws<InvalidModelRequestException>(() => ModelBodies.TitanEmbedding([1], null, length));
    }

    [Fact]
    public void TitanEmbedding_WhenTextOnly_ShouldOmitTheImage()
    {
        using var doc = JsonDocument.Parse(ModelBodies.TitanEmbedding(null, "a penguin", 384));

        Assert.False(doc.RootElement.TryGetProperty("inputImage", out _));
        Assert.Equal("a penguin", doc.RootElement.GetProperty("inputText").GetString());
        Assert.Equal(384, doc.RootElement.GetProperty("embeddingConfig").GetProperty("outputEmbeddingLength").GetInt32());
    }

    [Theory]
    [InlineData(1000, 1024, 6.5, 1)]
    [InlineData(1024, 1024, 12.0, 1)]
    [InlineData(4096, 512, 6.5, 1)]
    [InlineData(1024, 1024, 6.5, 6)]
    public void CanvasTextToImage_WhenOutsideDocumentedLimits_ShouldThrow(int width, int height, double cfgScale, int images)
    {
        Assert.Throws<InvalidModelRequestException>(() =>
            ModelBodies.CanvasTextToImage("a storyboard panel", null, new CanvasImageGenerationConfig(width, height, "standard", cfgScale, 1, images)));
    }

    [Fact]
    public void ReadCanvasImages_WhenResponseCarriesAnError_ShouldThrowModelOutput()
    {
        var error = Assert.Throws<ModelOutputException>(() => ModelBodies.ReadCanvasImages(Encoding.UTF8.GetBytes("""{"images":[],"error":"blocked by content filters"}""")));

        Assert.Contains("blocked by content filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanvasTextToImage_WhenBuilt_ShouldFollowTheDocumentedTextImageShape()
    {
        var body = ModelBodies.CanvasTextToImage("Tux waves from a sled", "blurry", new CanvasImageGenerationConfig(1024, 576, "standard", 6.5, 12, 2));

        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"Tux waves from a sled","negativeText":"blurry"},"imageGenerationConfig":{"width":1024,"height":576,"quality":"standard","cfgScale":6.5,"seed":12,"numberOfImages":2}}""",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void TitanEmbedding_WhenGivenAnImage_ShouldSendItAsBase64WithTheLength()
    {
        Assert.Equal(
            """{"inputImage":"AQID","embeddingConfig":{"outputEmbeddingLength":256}}""",
            Encoding.UTF8.GetString(ModelBodies.TitanEmbedding([1, 2, 3], null, 256)));
    }

    [Fact]
    public void ReadNova_WhenOutputWasWithheld_ShouldExposeTheErrorField()
    {
        var response = ModelBodies.ReadNova(Encoding.UTF8.GetBytes(
            """{"output":{"message":{"role":"assistant","content":[]}},"stopReason":"end_turn","error":"The generated text has been blocked by our content filters.","usage":{"inputTokens":1300,"outputTokens":0,"totalTokens":1300}}"""));

        Assert.Equal("The generated text has been blocked by our content filters.", response.Error);
        Assert.Equal(string.Empty, response.Text);
    }
}
