using Storyboard.Core.Config;
using Storyboard.Core.Storage;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Tests.Model;

public sealed class StoryboardStepTests
{
    [Fact]
    public async Task RenderAsync_ShouldPickTheCropsWhoseCaptionsMatchEachSceneAndLayThemOutOnASheet()
    {
        using var run = await ModelRun.CreateAsync();
        var throughput = await InServiceAsync(run);

        var output = await new StoryboardStep(run.Services()).RenderAsync(run.Run(), throughput);

        Assert.Equal(3, output.Panels.Count);
        // Tux by the fire → crop 2; Gnu and Tux's picnic → crop 5; Wilber painting → crop 6.
        int[] expected = [1, 4, 5];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(run.Layout.PanelKey(i + 1, 1), output.Panels[i].Key);
            Assert.Equal(await run.Store.ReadBytesAsync(run.CropKeys[expected[i]]), await run.Store.ReadBytesAsync(output.Panels[i].Key));
        }

        Assert.Equal(run.Layout.StoryboardSheetKey, output.SheetKey);
        var size = await ModelRun.ProbeSizeAsync(Path.Combine(run.Root, run.Layout.StoryboardSheetKey));
        Assert.Equal((3 * 384, 384), size);
        var index = await run.Store.ReadTextAsync(output.IndexKey);
        Assert.Contains("Tux reading a book beside a warm fire", index, StringComparison.Ordinal);
        Assert.Contains("previews assembled from the dataset's own crops, not generated images", index, StringComparison.Ordinal);
        Assert.Contains("no image was generated", output.Service, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WhenTwoImagesPerScene_ShouldWriteTwoDistinctPanelsAndAGridOfTwoRows()
    {
        using var run = await ModelRun.CreateAsync("""
            [{"prompt": "Tux on the beach", "seed": 1, "width": 512, "height": 512, "imagesPerScene": 2},
             {"prompt": "Gnu in the meadow", "seed": 2, "width": 512, "height": 512, "imagesPerScene": 2}]
            """);

        var output = await new StoryboardStep(run.Services()).RenderAsync(run.Run(), await InServiceAsync(run));

        Assert.Equal(4, output.Panels.Count);
        Assert.Equal(await run.Store.ReadBytesAsync(run.CropKeys[0]), await run.Store.ReadBytesAsync(run.Layout.PanelKey(1, 1)));
        Assert.Equal(await run.Store.ReadBytesAsync(run.CropKeys[2]), await run.Store.ReadBytesAsync(run.Layout.PanelKey(2, 1)));
        Assert.NotEqual(await run.Store.ReadBytesAsync(run.Layout.PanelKey(2, 1)), await run.Store.ReadBytesAsync(run.Layout.PanelKey(2, 2)));
        Assert.Equal((3 * 384, 2 * 384), await ModelRun.ProbeSizeAsync(Path.Combine(run.Root, run.Layout.StoryboardSheetKey)));
    }

    [Fact]
    public async Task RenderAsync_WhenASceneSeedIsOutOfRange_ShouldThrowNamingTheSceneAndRenderNothing()
    {
        using var run = await ModelRun.CreateAsync();
        var throughput = await InServiceAsync(run);
        await run.WriteConfigAsync("""
            [{"prompt": "Tux on the beach", "seed": 1, "width": 512, "height": 512},
             {"prompt": "Gnu in the meadow", "seed": 900000000, "width": 512, "height": 512}]
            """);

        var error = await Assert.ThrowsAsync<InvalidRunConfigException>(() => new StoryboardStep(run.Services()).RenderAsync(run.Run(), throughput));

        Assert.Contains("storyboard.scenes[1].seed", error.Message, StringComparison.Ordinal);
        Assert.Empty(await run.Store.ListAsync(run.Layout.StoryboardPrefix).ToListAsync());
    }

    private static async Task<Contracts.ThroughputOutput> InServiceAsync(ModelRun run)
    {
        var services = run.Services(jobChecksInProgress: 0, throughputChecksCreating: 0);
        var job = await ThroughputStepTests.CompletedJobAsync(run);
        var throughput = await new ThroughputStep(services).ProvisionAsync(run.Run(), job);
        return await new ThroughputStep(services).CheckAsync(run.Run(), throughput);
    }
}
