using System.Text.Json.Nodes;
using Storyboard.Core.Config;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Steps;

public sealed class PrepareRunStepTests : IAsyncLifetime, IDisposable
{
    private readonly RunFolder folder = new();

    public async Task InitializeAsync()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Teddy/a.png", new MemoryStream(Fixtures.ReferencePng()));
        await folder.Store.WriteAsync("characters/Dino/b.png", new MemoryStream(Fixtures.ReferencePng()));
    }

    [Fact]
    public async Task RunAsync_WhenNoConfigIsGiven_ShouldUseTheDefaultsWithOneCharacterPerFolder()
    {
        var run = await Step().RunAsync(Input(new ExecutionInput(null, "uploads/pattern.mp4", null, null, null, null, null, null, null)), CancellationToken.None);

        var config = RunConfigLoader.Parse(await folder.Store.ReadTextAsync(run.ConfigKey));
        Assert.Equal(["Dino", "Teddy"], config.Characters.Select(c => c.Name));
        Assert.Equal(new RunConfig().SegmentSeconds, config.SegmentSeconds);
        var plan = JsonNode.Parse(await folder.Store.ReadTextAsync(run.SegmentsKey))!.AsArray();
        Assert.Equal("seg-0000", (string)Assert.Single(plan)!["id"]!);
        Assert.True(await folder.Store.ExistsAsync(run.RunPrefix + "plan-header.json"));
    }

    [Fact]
    public async Task RunAsync_WhenTheConfigIsInTheStore_ShouldReadItAndDeriveADifferentRunId()
    {
        await folder.Store.WriteTextAsync("configs/fast.json", """{"characters": [{"name": "Dino"}], "sampling": {"fps": 2}, "segmentSeconds": 10}""");

        var fromKey = await Step().RunAsync(Input(new ExecutionInput(null, "uploads/pattern.mp4", null, null, "configs/fast.json", null, null, null, null)), CancellationToken.None);
        var defaults = await Step().RunAsync(Input(new ExecutionInput(null, "uploads/pattern.mp4", null, null, null, null, null, null, null)), CancellationToken.None);

        Assert.NotEqual(fromKey.RunId, defaults.RunId);
        Assert.Equal(2, RunConfigLoader.Parse(await folder.Store.ReadTextAsync(fromKey.ConfigKey)).Sampling.Fps);
    }

    [Fact]
    public async Task RunAsync_WhenTheSameUploadArrivesAgain_ShouldDeriveTheSameRunIdFromTheEtagOrTheContent()
    {
        var byContent1 = await Step().RunAsync(Input(new ExecutionInput(null, "uploads/pattern.mp4", null, null, null, null, null, null, null)), CancellationToken.None);
        var byContent2 = await Step().RunAsync(Input(new ExecutionInput(null, "uploads/pattern.mp4", null, null, null, null, null, null, null)), CancellationToken.None);
        var byEtag = await Step().RunAsync(Input(new ExecutionInput(null, null, null, null, null, null, null, null, new EventDetail(new EventBucket(RunFolder.Bucket), new EventObject("uploads/pattern.mp4", "\"abc123\"", null)))), CancellationToken.None);

        Assert.Equal(byContent1.RunId, byContent2.RunId);
        Assert.NotEqual(byContent1.RunId, byEtag.RunId);
        Assert.StartsWith("pattern-", byEtag.RunId, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();

    private static PrepareRunInput Input(ExecutionInput input) => new(input, "arn:aws:states:local:execution:storyboard:x");

    private PrepareRunStep Step() => new(folder.Services);
}
