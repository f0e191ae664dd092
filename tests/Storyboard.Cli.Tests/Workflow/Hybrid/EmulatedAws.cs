using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storyboard.Aws.Signing;
using Storyboard.Aws.Tests.Support;
using Storyboard.Aws.Tests.Vision;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision;

namespace Storyboard.Cli.Tests.Workflow.Hybrid;

/// <summary>
/// Rekognition and Bedrock Runtime on one loopback server, answering from the pixels they are
/// sent, so a hybrid run can go end to end here. Rekognition keeps a real collection (the shared
/// fake), finds no faces in cartoon references or frames (as the real service mostly does), and
/// reports the figures in a frame as label instances — located by the offline reference
/// detector, but unnamed, as Rekognition would. Titan answers with the offline descriptor padded
/// to the asked length; Nova Pro writes a caption from the names and places its prompt gives.
/// </summary>
internal sealed partial class EmulatedAws : IAsyncDisposable
{
    public static readonly AwsCredentials Keys = new("AKIDHYBRIDEXAMPLE", "hybrid/secret+KEY");

    private readonly ICharacterReferenceIndex _figures;
    private readonly ReferenceCharacterDetector _detector = new();
    private readonly LocalImageDescriptor _descriptor = new();
    private readonly Dictionary<string, string> _labels;

    private EmulatedAws(LoopbackAwsServer server, ICharacterReferenceIndex figures, Dictionary<string, string> labels)
    {
        Server = server;
        _figures = figures;
        _labels = labels;
        Rekognition.FindsFace = _ => false;
        Rekognition.CollectionExists = false;
        Rekognition.On("DetectFaces", _ => FakeRekognition.Json(new JsonObject { ["FaceDetails"] = new JsonArray() }));
        Rekognition.On("DetectLabels", DetectLabels);
        Rekognition.Attach(server);
        var rekognition = server.Responder!;
        server.Responder = request => request.Header("X-Amz-Target") is { } ? rekognition(request) : InvokeModel(request);
    }

    public LoopbackAwsServer Server { get; }

    public FakeRekognition Rekognition { get; } = new();

    public int TitanCalls { get; private set; }

    public int NovaCalls { get; private set; }

    /// <param name="charactersFolder">characters/&lt;Name&gt;/*.png: the figures the emulated Rekognition can see.</param>
    /// <param name="labels">The label Rekognition gives each character's figure (it does not know names).</param>
    public static async Task<EmulatedAws> StartAsync(string charactersFolder, Dictionary<string, string> labels)
    {
        var references = new List<CharacterReferenceImage>();
        foreach (var folder in Directory.GetDirectories(charactersFolder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal))
            {
                references.Add(new CharacterReferenceImage(Path.GetFileName(folder), Path.GetFileName(file), await File.ReadAllBytesAsync(file)));
            }
        }

        var figures = await new LocalCharacterReferenceIndexBuilder().BuildAsync(references, CancellationToken.None);
        return new EmulatedAws(await LoopbackAwsServer.StartAsync(Keys), figures, labels);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private ScriptedResponse DetectLabels(JsonElement body)
    {
        var frame = PngDecoder.Decode(FakeRekognition.ImageBytes(body)).ToRgb();
        var found = _detector.DetectAsync(frame, _figures, CancellationToken.None).GetAwaiter().GetResult();
        var labels = new JsonArray();
        foreach (var group in found.GroupBy(d => _labels[d.Character]))
        {
            labels.Add(new JsonObject
            {
                ["Name"] = group.Key,
                ["Confidence"] = Math.Round(group.Max(d => d.Confidence) * 100, 3),
                ["Instances"] = new JsonArray([.. group.Select(d => (JsonNode)new JsonObject
                {
                    ["BoundingBox"] = FakeRekognition.Box(d.Box.Left, d.Box.Top, d.Box.Width, d.Box.Height),
                    ["Confidence"] = Math.Round(d.Confidence * 100, 3),
                })]),
                ["Parents"] = new JsonArray(new JsonObject { ["Name"] = "Toy" }),
                ["Aliases"] = new JsonArray(),
                ["Categories"] = new JsonArray(new JsonObject { ["Name"] = "Toys and Gaming" }),
            });
        }

        return FakeRekognition.Json(new JsonObject { ["Labels"] = labels, ["LabelModelVersion"] = "3.0" });
    }

    private ScriptedResponse InvokeModel(RecordedRequest request)
    {
        var body = JsonDocument.Parse(request.Body).RootElement;
        lock (_descriptor)
        {
            if (request.RawPath.Contains("titan-embed-image", StringComparison.Ordinal))
            {
                TitanCalls++;
                return Embed(body);
            }

            if (request.RawPath.Contains("nova-pro", StringComparison.Ordinal))
            {
                NovaCalls++;
                return Caption(body);
            }
        }

        return ScriptedResponse.Error(400, "ValidationException", $"The emulator does not serve {request.RawPath}.");
    }

    private ScriptedResponse Embed(JsonElement body)
    {
        var image = PngDecoder.Decode(body.GetProperty("inputImage").GetBytesFromBase64()).ToRgb();
        var length = body.GetProperty("embeddingConfig").GetProperty("outputEmbeddingLength").GetInt32();
        var vector = _descriptor.EmbedAsync(image, CancellationToken.None).GetAwaiter().GetResult();
        var embedding = new JsonArray([.. Enumerable.Range(0, length).Select(i => (JsonNode)(i < vector.Length ? vector[i] : 0f))]);
        return FakeRekognition.Json(new JsonObject { ["embedding"] = embedding, ["inputTextTokenCount"] = 0 });
    }

    private static ScriptedResponse Caption(JsonElement body)
    {
        var content = body.GetProperty("messages")[0].GetProperty("content");
        var prompt = content.EnumerateArray().Single(c => c.TryGetProperty("text", out _)).GetProperty("text").GetString()!;
        var png = content.EnumerateArray().Single(c => c.TryGetProperty("image", out _)).GetProperty("image").GetProperty("source").GetProperty("bytes").GetBytesFromBase64();
        var subjects = Subject().Matches(prompt).Select(m => $"{m.Groups["name"].Value} {m.Groups["side"].Value}").ToList();
        var image = PngDecoder.Decode(png);
        var shot = image.Height > image.Width ? "A tall medium shot" : "A wide shot";
        var caption = $"{shot} of {string.Join(" and ", subjects)}, standing in a bright outdoor scene.";
        var text = JsonSerializer.Serialize(new Dictionary<string, string> { ["alt_text"] = caption });
        return FakeRekognition.Json(new JsonObject
        {
            ["output"] = new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray(new JsonObject { ["text"] = text }) } },
            ["stopReason"] = "end_turn",
            ["usage"] = new JsonObject { ["inputTokens"] = 1300, ["outputTokens"] = 40, ["totalTokens"] = 1340 },
        });
    }

    [GeneratedRegex(@"^- (?<name>[^:\n]+): stands (?<side>on the left|on the right|in the centre)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();
}
