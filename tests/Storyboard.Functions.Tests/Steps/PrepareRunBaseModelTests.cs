using System.Text.Json.Nodes;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Steps;

/// <summary>DESIGN §6: a run that would fine-tune a retired base model fails in PrepareRun, before anything is probed or paid for.</summary>
public sealed class PrepareRunBaseModelTests : IDisposable
{
    private readonly RunFolder folder = new();

    [Fact]
    public async Task RunAsync_WhenTheBaseModelIsLegacy_ShouldThrowRetiredBeforeLookingAtTheVideo()
    {
        // Not a video: had PrepareRun probed it, the error would be NotAVideoException.
        await folder.Store.WriteTextAsync("uploads/notes.mp4", "These are meeting notes, not a video.");
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));
        var catalog = InMemoryFoundationModelCatalog.NovaCanvas(FoundationModelLifecycleStatus.Legacy);

        var ex = await Assert.ThrowsAsync<BaseModelRetiredException>(() => Step(catalog).RunAsync(Input("uploads/notes.mp4", datasetOnly: null), CancellationToken.None));

        Assert.Contains("--dataset-only", ex.Message, StringComparison.Ordinal);
        Assert.Equal([ModelProfiles.NovaCanvasId], catalog.Asked);
        Assert.False(Directory.Exists(Path.Combine(folder.Output, "runs")), "a failed PrepareRun must not leave a run folder behind");
    }

    [Fact]
    public async Task RunAsync_WhenTheBaseModelIsNotCustomizable_ShouldThrowNotCustomizable()
    {
        await folder.Store.WriteTextAsync("uploads/notes.mp4", "not a video");
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));
        var catalog = new InMemoryFoundationModelCatalog(new FoundationModelInfo(ModelProfiles.NovaCanvasId, FoundationModelLifecycleStatus.Active, [], ["TEXT"], ["IMAGE"]));

        await Assert.ThrowsAsync<BaseModelNotCustomizableException>(() => Step(catalog).RunAsync(Input("uploads/notes.mp4", datasetOnly: false), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_WhenTheRunIsDatasetOnly_ShouldNotAskAndShouldPlanTheRun()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));
        var catalog = InMemoryFoundationModelCatalog.NovaCanvas(FoundationModelLifecycleStatus.Legacy);

        var run = await Step(catalog).RunAsync(Input("uploads/pattern.mp4", datasetOnly: true), CancellationToken.None);

        Assert.True(run.DatasetOnly);
        Assert.Empty(catalog.Asked);
        Assert.True(await folder.Store.ExistsAsync(run.SegmentsKey));
    }

    [Fact]
    public async Task RunAsync_WhenTheBaseModelIsActive_ShouldAskForTheProfilesModelAndPlanTheRun()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));
        var catalog = InMemoryFoundationModelCatalog.NovaCanvas(FoundationModelLifecycleStatus.Active);

        var run = await Step(catalog).RunAsync(Input("uploads/pattern.mp4", datasetOnly: null), CancellationToken.None);

        Assert.Equal([ModelProfiles.NovaCanvasId], catalog.Asked);
        Assert.Equal(ModelProfiles.NovaCanvasId, run.BaseModel);
        Assert.True(await folder.Store.ExistsAsync(run.SegmentsKey));
    }

    [Fact]
    public void Workflow_ShouldEndTheRunAtPrepareRunOnABaseModelErrorWithoutRetryingIt()
    {
        var prepare = JsonNode.Parse(File.ReadAllText(AslPath()))!["States"]!["PrepareRun"]!;
        var retried = prepare["Retry"]!.AsArray().SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => (string)e!)).ToList();

        // Permanent input errors are neither retried nor caught: the execution fails at PrepareRun
        // and RecordFailure writes error.json, as for NotAVideoException.
        Assert.All(
            new[] { nameof(BaseModelRetiredException), nameof(BaseModelNotCustomizableException), nameof(BaseModelNotAvailableException), "States.ALL", "States.TaskFailed" },
            name => Assert.DoesNotContain(name, retried));
        Assert.Null(prepare["Catch"]);
        Assert.Contains(nameof(BaseModelRetiredException), (string)prepare["Comment"]!, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static PrepareRunInput Input(string key, bool? datasetOnly) =>
        new(new ExecutionInput(null, key, null, null, null, null, null, datasetOnly, null), "arn:aws:states:local:execution:storyboard:base-model");

    private static string AslPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "statemachine", "storyboard.asl.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("statemachine/storyboard.asl.json was not found above the test's folder.");
    }

    private PrepareRunStep Step(InMemoryFoundationModelCatalog catalog) => new(folder.Services with { FoundationModels = catalog });
}
