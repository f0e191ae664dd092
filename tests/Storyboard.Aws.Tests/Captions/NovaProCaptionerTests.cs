using System.Text.Json;
using Storyboard.Aws.Captions;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Captions;
using Storyboard.Core.Imaging;
using Storyboard.Core.Models;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Tests.Captions;

/// <summary>The Nova Pro captioner against a real HTTP server on 127.0.0.1 that checks every signature.</summary>
public sealed class NovaProCaptionerTests() : SignedServerTest("bedrock")
{
    private const string CropKey = "runs/r1/crops/Tux/000012000-0.png";

    [Fact]
    public async Task CaptionAsync_WhenNovaAnswers_ShouldSendMessagesV1WithThePngAndReturnTheRawText()
    {
        var reply = """{"alt_text": "A medium shot of Tux waddling across a snowy ridge at dusk, lit by a low orange sun from the left."}""";
        Server.Enqueue(ScriptedResponse.Ok(NovaBody(reply)));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        var text = await captioner.CaptionAsync(Request(Tux()), CancellationToken.None);

        Assert.Equal(reply, text);
        var request = Assert.Single(Server.Received);
        Assert.Equal("/model/amazon.nova-pro-v1%3A0/invoke", request.RawPath);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("messages-v1", root.GetProperty("schemaVersion").GetString());
        Assert.Contains("alt_text", root.GetProperty("system")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        var content = message.GetProperty("content");
        Assert.Equal(2, content.GetArrayLength());
        var image = content[0].GetProperty("image");
        Assert.Equal("png", image.GetProperty("format").GetString());
        var sent = PngDecoder.Decode(Convert.FromBase64String(image.GetProperty("source").GetProperty("bytes").GetString()!));
        Assert.Equal((48, 32), (sent.Width, sent.Height));
        Assert.Contains("Tux", content[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var config = root.GetProperty("inferenceConfig");
        Assert.InRange(config.GetProperty("maxTokens").GetInt32(), 64, 1000);
        Assert.InRange(config.GetProperty("temperature").GetDouble(), 0.0, 1.0);

        // What the caption step does with the raw text.
        var check = CaptionRules.FromModelOutput(text, ["Tux"], ["Gnu"], CaptionRuleSet.For(ModelProfiles.NovaCanvas, new Core.Config.CaptionConfig()));
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
    }

    [Fact]
    public async Task CaptionAsync_WhenAsked_ShouldPromptForNamesOnlyOneJsonObjectAndTheSceneAroundThem()
    {
        Server.Enqueue(ScriptedResponse.Ok(NovaBody("""{"alt_text":"Tux in a close-up."}""")));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        await captioner.CaptionAsync(Request(Tux()) with { Style = "playful, present tense", MaxLength = 300 }, CancellationToken.None);

        var prompt = PromptOf(Assert.Single(Server.Received));
        Assert.Contains("Use the character names only", prompt, StringComparison.Ordinal);
        Assert.Contains("Do not describe the characters' standard traits", prompt, StringComparison.Ordinal);
        Assert.Contains("- Tux: stands on the left of the source frame, about 55% of the frame's height.", prompt, StringComparison.Ordinal);
        Assert.Contains("do not repeat this in the caption): a small penguin with a yellow beak.", prompt, StringComparison.Ordinal);
        foreach (var topic in new[] { "shot", "where each character is", "doing", "setting", "light" })
        {
            Assert.Contains(topic, prompt, StringComparison.Ordinal);
        }

        Assert.Contains("At most 300 characters", prompt, StringComparison.Ordinal);
        Assert.Contains("Caption style: playful, present tense", prompt, StringComparison.Ordinal);
        Assert.Contains("\"without\"", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Answer with exactly one JSON object and nothing else: {\"alt_text\": \"<the caption>\"}", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptionAsync_WhenSeveralCharacters_ShouldNameEachWithWhereItStandsFromLeftToRight()
    {
        Server.Enqueue(ScriptedResponse.Ok(NovaBody("""{"alt_text":"Gnu and Tux."}""")));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);
        var gnu = new CaptionSubject("Gnu", string.Empty, new RelativeBox(0.66, 0.2, 0.3, 0.7));

        await captioner.CaptionAsync(Request(gnu, Tux()), CancellationToken.None);

        var prompt = PromptOf(Assert.Single(Server.Received));
        Assert.Contains("- Gnu: stands on the right of the source frame, about 70% of the frame's height.\n", prompt, StringComparison.Ordinal);
        Assert.Contains("From left to right: Tux, Gnu.", prompt, StringComparison.Ordinal);
        Assert.Contains("Name every one of these characters and no other character.", prompt, StringComparison.Ordinal);
        Assert.True(prompt.IndexOf("- Tux:", StringComparison.Ordinal) < prompt.IndexOf("- Gnu:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaptionAsync_WhenRetriedAfterMalformedOutput_ShouldAskHotterWithAnotherInstruction()
    {
        Server.Enqueue(ScriptedResponse.Ok(NovaBody("Tux is on the left.")), ScriptedResponse.Ok(NovaBody("""{"alt_text":"Tux on the left."}""")));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        await captioner.CaptionAsync(Request(Tux()), CancellationToken.None);
        await captioner.CaptionAsync(Request(Tux()) with { Attempt = 2 }, CancellationToken.None);

        var (first, second) = (Server.Received[0], Server.Received[1]);
        Assert.True(TemperatureOf(second) > TemperatureOf(first), $"{TemperatureOf(first)} then {TemperatureOf(second)}");
        Assert.NotEqual(PromptOf(first), PromptOf(second));
        Assert.DoesNotContain("previous answer", PromptOf(first), StringComparison.Ordinal);
        Assert.Contains("A previous answer for this image could not be used.", PromptOf(second), StringComparison.Ordinal);
    }

    [Fact]
    public void InferenceConfigFor_WhenOnlyTheVariationSeedChanges_ShouldSampleDifferentlyButDeterministically()
    {
        var temperatures = Enumerable.Range(0, 8).Select(seed => NovaProCaptioner.InferenceConfigFor(Request(Tux()) with { VariationSeed = seed }).Temperature!.Value).ToList();

        Assert.True(temperatures.Distinct().Count() > 1);
        Assert.All(temperatures, t => Assert.InRange(t, NovaProCaptioner.FirstAttemptTemperature, NovaProCaptioner.FirstAttemptTemperature + NovaProCaptioner.TemperatureSpread));
        Assert.Equal(NovaProCaptioner.InferenceConfigFor(Request(Tux())), NovaProCaptioner.InferenceConfigFor(Request(Tux())));
        Assert.Equal(1.0, NovaProCaptioner.InferenceConfigFor(Request(Tux()) with { Attempt = 9 }).Temperature);
    }

    [Fact]
    public async Task CaptionAsync_WhenStopReasonIsContentFiltered_ShouldThrowCaptionContentFilteredNamingTheCrop()
    {
        Server.Enqueue(ScriptedResponse.Ok("""{"output":{"message":{"content":[{"text":""}],"role":"assistant"}},"stopReason":"content_filtered","usage":{"inputTokens":1580,"outputTokens":0,"totalTokens":1580}}"""));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<CaptionContentFilteredException>(() => captioner.CaptionAsync(Request(Tux()), CancellationToken.None));

        Assert.Contains(CropKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove this crop", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task CaptionAsync_WhenOutputIsWithheldWithAnErrorField_ShouldThrowCaptionContentFiltered()
    {
        Server.Enqueue(ScriptedResponse.Ok("""{"output":{"message":{"content":[],"role":"assistant"}},"stopReason":"end_turn","error":"The generated text has been blocked by our content filters.","usage":{"inputTokens":1580,"outputTokens":0,"totalTokens":1580}}"""));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<CaptionContentFilteredException>(() => captioner.CaptionAsync(Request(Tux()), CancellationToken.None));

        Assert.Contains("blocked by our content filters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptionAsync_WhenTheInputIsRefused_ShouldThrowCaptionContentFilteredWithoutRetrying()
    {
        Server.Enqueue(ScriptedResponse.Error(400, "ValidationException", "This request has been blocked by our content filters. Please adjust your input image to submit a new request."));
        var test = new TestClients(Server);
        var captioner = new NovaProCaptioner(test.Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<CaptionContentFilteredException>(() => captioner.CaptionAsync(Request(Tux()), CancellationToken.None));

        Assert.Contains("adjust your input image", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Received);
        Assert.Empty(test.Delays);
    }

    [Fact]
    public async Task CaptionAsync_WhenNovaWritesNothing_ShouldThrowEmptyCaptionOutput()
    {
        Server.Enqueue(ScriptedResponse.Ok(NovaBody("  \n")));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        var error = await Assert.ThrowsAsync<EmptyCaptionOutputException>(() => captioner.CaptionAsync(Request(Tux()), CancellationToken.None));

        Assert.Contains(CropKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("end_turn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptionAsync_WhenCutOffAtMaxTokens_ShouldReturnTheTextForTheExtractorToReject()
    {
        var cut = """{"alt_text": "A wide shot of Tux sliding down a long icy slope toward""";
        Server.Enqueue(ScriptedResponse.Ok(NovaBody(cut, stopReason: "max_tokens")));
        var captioner = new NovaProCaptioner(new TestClients(Server).Clients.BedrockRuntime);

        var text = await captioner.CaptionAsync(Request(Tux()), CancellationToken.None);

        Assert.Equal(cut, text);
        Assert.False(CaptionExtractor.Extract(text).Succeeded);
    }

    [Fact]
    public async Task CaptionAsync_WhenThrottledOnce_ShouldRetryAndReturnTheCaption()
    {
        Server.Enqueue(
            new ScriptedResponse(429, """{"message":"Too many requests, please wait before trying again."}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException" }),
            ScriptedResponse.Ok(NovaBody("""{"alt_text":"Tux on the ice."}""")));
        var test = new TestClients(Server);
        var captioner = new NovaProCaptioner(test.Clients.BedrockRuntime);

        var text = await captioner.CaptionAsync(Request(Tux()), CancellationToken.None);

        Assert.Equal("""{"alt_text":"Tux on the ice."}""", text);
        Assert.Equal(2, Server.Received.Count);
        Assert.Single(test.Delays);
    }

    [Fact]
    public void Service_WhenBuilt_ShouldNameTheModelInvoked()
    {
        Assert.Equal("aws:amazon.nova-pro-v1:0", new NovaProCaptioner(new UnusedRuntime()).Service);
        Assert.Equal("aws:us.amazon.nova-pro-v1:0", new NovaProCaptioner(new UnusedRuntime(), "us.amazon.nova-pro-v1:0").Service);
    }

    [Fact]
    public async Task CaptionAsync_WhenNoCharacterIsGiven_ShouldThrowBeforeAnyCall()
    {
        var captioner = new NovaProCaptioner(new UnusedRuntime());

        await Assert.ThrowsAsync<ArgumentException>(() => captioner.CaptionAsync(Request(), CancellationToken.None));
    }

    private static CaptionSubject Tux() => new("Tux", "a small penguin with a yellow beak", new RelativeBox(0.1, 0.3, 0.2, 0.55));

    private static CaptionRequest Request(params CaptionSubject[] subjects) =>
        new(CropKey, TestImages.Gradient(48, 32), subjects, string.Empty, 1024, 1, 0);

    private static string NovaBody(string text, string stopReason = "end_turn") =>
        $$$"""{"output":{"message":{"content":[{"text":{{{JsonSerializer.Serialize(text)}}}}],"role":"assistant"}},"stopReason":"{{{stopReason}}}","usage":{"inputTokens":1612,"outputTokens":41,"totalTokens":1653}}""";

    private static string PromptOf(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("messages")[0].GetProperty("content")[1].GetProperty("text").GetString()!;
    }

    private static double TemperatureOf(RecordedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("inferenceConfig").GetProperty("temperature").GetDouble();
    }
}
