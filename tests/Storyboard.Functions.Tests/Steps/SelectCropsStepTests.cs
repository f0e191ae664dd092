using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Steps;

public sealed class SelectCropsStepTests : IDisposable
{
    private const string RunId = "select-0123456789ab";
    private const string Prefix = "runs/" + RunId + "/";
    private readonly RunFolder folder = new();

    [Fact]
    public async Task RunAsync_WhenASegmentLeftNoResults_ShouldNameTheMissingFilesInsteadOfSelectingFromPartOfTheVideo()
    {
        await folder.Store.WriteTextAsync(Prefix + "config.json", """{"characters": [{"name": "Dino"}]}""");
        await folder.Store.WriteTextAsync(Prefix + "plan.json", """
            [{"index":0,"id":"seg-0000","startSeconds":0,"endSeconds":45,"fps":1,"expectedFrames":45,"maxFrames":45,"sceneAware":false,"sceneThreshold":0.3},
             {"index":1,"id":"seg-0001","startSeconds":45,"endSeconds":90,"fps":1,"expectedFrames":45,"maxFrames":45,"sceneAware":false,"sceneThreshold":0.3}]
            """);
        foreach (var key in new[] { "detections/seg-0000.jsonl", "crops-index/seg-0000.jsonl", "embeddings/seg-0000.jsonl" })
        {
            await folder.Store.WriteTextAsync(Prefix + key, string.Empty);
        }

        var run = new RunContext(RunId, RunFolder.Bucket, Prefix, Prefix + "plan.json", Prefix + "config.json", "uploads/x.mp4", "local", true, false, true, 1, "amazon.nova-canvas-v1:0");
        var ex = await Assert.ThrowsAsync<SegmentResultsMissingException>(() => new SelectCropsStep(folder.Services).RunAsync(run, new MapRunResult("arn", new ResultWriterDetails(RunFolder.Bucket, Prefix + "map/manifest.json")), CancellationToken.None));

        Assert.Contains(Prefix + "detections/seg-0001.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Prefix + "embeddings/seg-0001.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seg-0000", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
