using Storyboard.Core.Captions;
using Storyboard.Core.Cropping;
using Storyboard.Core.Storage;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;
using Storyboard.Local.Captions;

namespace Storyboard.Functions.Tests.Steps;

public sealed class CaptionBatchStepTests : IDisposable
{
    private const string RunId = "caption-0123456789ab";
    private const string Prefix = "runs/" + RunId + "/";
    private readonly RunFolder folder = new();

    [Fact]
    public async Task RunAsync_WhenTheModelAnswersBadlyOnce_ShouldAskAgainAndKeepTheGoodAnswer()
    {
        var captioner = new ScriptedCaptioner("Sure! Here is a caption: {\"alt_text\": ", null);
        var batchKey = await ArrangeAsync();

        var output = await new CaptionBatchStep(folder.Services with { Captioner = captioner }).RunAsync(Run(), batchKey, CancellationToken.None);

        var file = await StoreJson.ReadAsync(folder.Store, output.CaptionsKey, FunctionsJsonContext.Default.CaptionsFile, CancellationToken.None);
        var entry = Assert.Single(file.Captioned);
        Assert.Equal(2, entry.Attempts);
        Assert.Contains("Dino", entry.Caption, StringComparison.Ordinal);
        Assert.Equal((1, 0), (output.Captioned, output.Rejected));
        Assert.Equal(Prefix + "captions/batch-0000.json", output.CaptionsKey);
    }

    [Fact]
    public async Task RunAsync_WhenEveryAnswerBreaksTheRules_ShouldRejectTheCropWithEachReason()
    {
        var captioner = new ScriptedCaptioner("{\"alt_text\": \"A dinosaur.\"}", "{\"alt_text\": \"Dino is not happy.\"}", "{\"caption\": \"Dino\"}");
        var batchKey = await ArrangeAsync();

        var output = await new CaptionBatchStep(folder.Services with { Captioner = captioner }).RunAsync(Run(), batchKey, CancellationToken.None);

        var rejection = Assert.Single((await StoreJson.ReadAsync(folder.Store, output.CaptionsKey, FunctionsJsonContext.Default.CaptionsFile, CancellationToken.None)).Rejected);
        Assert.Equal(CaptionBatchStep.MaxAttempts, captioner.Calls);
        Assert.Contains(rejection.Reasons, r => r.StartsWith("attempt 1: the caption does not name Dino", StringComparison.Ordinal));
        Assert.Contains(rejection.Reasons, r => r.StartsWith("attempt 2: the caption contains the reserved word \"not\"", StringComparison.Ordinal));
        Assert.Contains(rejection.Reasons, r => r.StartsWith("attempt 3: the reply holds a JSON object without \"alt_text\"", StringComparison.Ordinal));
        Assert.Equal((0, 1), (output.Captioned, output.Rejected));
    }

    public void Dispose() => folder.Dispose();

    private static RunContext Run() =>
        new(RunId, RunFolder.Bucket, Prefix, Prefix + "plan.json", Prefix + "config.json", "uploads/x.mp4", "local", true, false, true, 1, "amazon.nova-canvas-v1:0");

    private async Task<string> ArrangeAsync()
    {
        await folder.Store.WriteTextAsync(Prefix + "config.json", """{"characters": [{"name": "Dino"}, {"name": "Teddy"}]}""");
        await folder.Store.WriteTextAsync(Prefix + "detections.jsonl", string.Empty);
        var cropKey = Prefix + "crops/Dino/000001000-0.png";
        await folder.Store.WriteAsync(cropKey, new MemoryStream(Fixtures.ReferencePng()));
        var crop = new CropEntry(cropKey, "Dino", ["Dino"], 1, Prefix + "frames/seg-0000/000001000.jpg", new BoundingBox(0.4, 0.2, 0.2, 0.5), 0.9, 0.9, 512, 640, 1000);
        var batchKey = Prefix + "caption-batches/batch-0000.json";
        await StoreJson.WriteAsync(folder.Store, batchKey, new CaptionBatch([crop]), FunctionsJsonContext.Default.CaptionBatch, CancellationToken.None);
        return batchKey;
    }

    /// <summary>
    /// Plays back given answers (a model misbehaving in ways the template captioner never does);
    /// a null answer defers to the real template captioner.
    /// </summary>
    private sealed class ScriptedCaptioner(params string?[] answers) : ICaptioner
    {
        private readonly TemplateCaptioner template = new();

        public int Calls { get; private set; }

        public string Service => "scripted";

        public Task<string> CaptionAsync(CaptionRequest request, CancellationToken cancellationToken)
        {
            var answer = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            return answer is null ? template.CaptionAsync(request, cancellationToken) : Task.FromResult(answer);
        }
    }
}
