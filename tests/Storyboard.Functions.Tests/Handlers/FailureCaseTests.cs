using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Core.Config;
using Storyboard.Core.Media;
using Storyboard.Core.Storage;
using Storyboard.Core.Vision;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Tests.TestSupport;
using Storyboard.Storage;

namespace Storyboard.Functions.Tests.Handlers;

/// <summary>Bad input ends in a named error a user can act on, before anything is spent.</summary>
public sealed class FailureCaseTests : IDisposable
{
    private readonly RunFolder folder = new();

    [Fact]
    public async Task PrepareRun_WhenTheUploadIsNotAVideo_ShouldThrowNotAVideo()
    {
        await folder.Store.WriteTextAsync("uploads/notes.mp4", "These are meeting notes, not a video.");
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));

        var ex = await Assert.ThrowsAsync<NotAVideoException>(() => PrepareAsync(new JsonObject { ["key"] = "uploads/notes.mp4" }));

        Assert.Contains("notes.mp4", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Output, "runs")), "a failed PrepareRun must not leave a run folder behind");
    }

    [Fact]
    public async Task PrepareRun_WhenThereAreNoCharacterReferences_ShouldThrowBeforeProbing()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));

        await Assert.ThrowsAsync<NoCharacterReferencesException>(() => PrepareAsync(new JsonObject { ["key"] = "uploads/pattern.mp4" }));
        var named = await Assert.ThrowsAsync<NoCharacterReferencesException>(() => PrepareAsync(new JsonObject
        {
            ["key"] = "uploads/pattern.mp4",
            ["config"] = new JsonObject { ["characters"] = new JsonArray(new JsonObject { ["name"] = "Dino" }) },
        }));
        Assert.Contains("Dino (characters/Dino/)", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareCharacters_WhenAReferenceIsNotAnImage_ShouldNameTheFile()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/good.png", new MemoryStream(Fixtures.ReferencePng()));
        await folder.Store.WriteTextAsync("characters/Dino/broken.png", "not a picture");
        var run = await PrepareAsync(new JsonObject { ["key"] = "uploads/pattern.mp4" });

        var ex = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => Workflow.InvokeAsync(new PrepareCharactersHandler(folder.Services).HandleAsync, new JsonObject { ["run"] = run }));

        Assert.Equal("Dino", ex.Character);
        Assert.Contains("characters/Dino/broken.png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareCharacters_WhenAFileIsNeitherPngNorJpeg_ShouldNameTheFile()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/good.png", new MemoryStream(Fixtures.ReferencePng()));
        await folder.Store.WriteTextAsync("characters/Dino/notes.txt", "Dino is orange.");
        var run = await PrepareAsync(new JsonObject { ["key"] = "uploads/pattern.mp4" });

        var ex = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => Workflow.InvokeAsync(new PrepareCharactersHandler(folder.Services).HandleAsync, new JsonObject { ["run"] = run }));

        Assert.Contains("characters/Dino/notes.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareRun_WhenTheConfigIsOutOfRange_ShouldListEveryProblem()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));

        var ex = await Assert.ThrowsAsync<InvalidRunConfigException>(() => PrepareAsync(new JsonObject
        {
            ["key"] = "uploads/pattern.mp4",
            ["config"] = new JsonObject
            {
                ["characters"] = new JsonArray(new JsonObject { ["name"] = "Dino" }),
                ["sampling"] = new JsonObject { ["fps"] = 500 },
                ["segmentSeconds"] = 1,
                ["crop"] = new JsonObject { ["paddingRatio"] = 9 },
            },
        }));

        Assert.Equal(3, ex.Problems.Count);
        Assert.Contains("sampling.fps", ex.Message, StringComparison.Ordinal);
        Assert.Contains("segmentSeconds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("crop.paddingRatio", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareRun_WhenTheOutputFolderIsNotWritable_ShouldThrowStoreNotWritable()
    {
        await folder.PutFileAsync("uploads/pattern.mp4", await Fixtures.TestPatternClipAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));

        // Tests may run as root, whom permission bits do not stop; a file where the store stages
        // its writes makes every write fail the way a read-only or full disk does.
        var staging = Path.Combine(folder.Output, LocalFolderObjectStore.StagingFolderName);
        Directory.Delete(staging, recursive: true);
        await File.WriteAllTextAsync(staging, "blocked");

        await Assert.ThrowsAsync<StoreNotWritableException>(() => PrepareAsync(new JsonObject { ["key"] = "uploads/pattern.mp4" }));
    }

    [Fact]
    public async Task PrepareRun_WhenTheInputNamesNoVideo_ShouldListEveryProblem()
    {
        var ex = await Assert.ThrowsAsync<InvalidExecutionInputException>(() => PrepareAsync(new JsonObject { ["bucket"] = "another-bucket", ["services"] = "aws" }));

        Assert.Contains("'key' is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("another-bucket", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'services' is 'aws'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractFrames_WhenThePayloadHasNoRun_ShouldThrowInvalidStateInput()
    {
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes("{\"Items\": []}"));

        var ex = await Assert.ThrowsAsync<InvalidStateInputException>(() => new ExtractFramesHandler(folder.Services).HandleAsync(input));

        Assert.Contains("ExtractFrames received no 'run'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildDataset_WhenNoCharacterIsInTheVideo_ShouldThrowNotEnoughCropsAndStillWriteTheReport()
    {
        await folder.PutFileAsync("uploads/garden.mp4", await TwoCharacterClip.MakeEmptyAsync(folder.Root));
        await folder.Store.WriteAsync("characters/Dino/dino.png", new MemoryStream(Fixtures.ReferencePng()));
        var workflow = new Workflow(folder.Services);

        var ex = await Assert.ThrowsAsync<NotEnoughCropsException>(() => workflow.RunDatasetPathAsync(new JsonObject { ["key"] = "uploads/garden.mp4" }));

        Assert.Matches("^Only [0-4] usable crop\\(s\\); Amazon Nova Canvas v1 needs at least 5", ex.Message);
        Assert.Contains("detection(s)", ex.Message, StringComparison.Ordinal);
        Assert.True(await folder.Store.ExistsAsync((string)workflow.Run!["runPrefix"]! + "dataset/report.html"));
    }

    public void Dispose() => folder.Dispose();

    private Task<JsonObject> PrepareAsync(JsonObject input) =>
        Workflow.InvokeAsync(new PrepareRunHandler(folder.Services).HandleAsync, new JsonObject { ["input"] = input, ["executionId"] = "arn:aws:states:local:execution:storyboard:failure" });
}
