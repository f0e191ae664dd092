using Storyboard.Core.Requests;
using Storyboard.Core.Rendering;
using Storyboard.Core.Storage;
using Storyboard.Local.Rendering;
using Storyboard.Local.Tests.TestSupport;
using Storyboard.Storage;

using Storyboard.Tests.Shared;

namespace Storyboard.Local.Tests.Rendering;

public sealed class DatasetPreviewGeneratorTests : IDisposable
{
    private const string ItemsKey = "runs/r1/dataset/items.jsonl";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "storyboard-preview-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderObjectStore _store;

    public DatasetPreviewGeneratorTests() => _store = new LocalFolderObjectStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task GenerateAsync_ShouldReturnTheBestMatchingCropsAndSayNothingWasGenerated()
    {
        (string Colour, string Caption, string Cast)[] crops =
        [
            ("red", "Tux slides down an icy hill", "Tux"),
            ("blue", "Gnu drinks from a river at dusk", "Gnu"),
            ("green", "Tux drinks hot cocoa in a warm kitchen", "Tux"),
        ];
        var items = new List<string>();
        for (var i = 0; i < crops.Length; i++)
        {
            var key = $"runs/r1/crops/{crops[i].Cast}/00000{i}000-0.png";
            var png = await FfmpegRunner.RunAsync("-f", "lavfi", "-i", $"color=c={crops[i].Colour}:s=32x32", "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "-");
            await using (var stream = new MemoryStream(png))
            {
                await _store.WriteAsync(key, stream);
            }

            items.Add($$"""{"image-ref":"s3://storyboard-local/{{key}}","characters":["{{crops[i].Cast}}"],"timeSeconds":{{i}},"sourceFrame":"runs/r1/frames/seg-0001/00000{{i}}000.jpg","box":{"left":0,"top":0,"width":1,"height":1},"caption":"{{crops[i].Caption}}"}""");
        }

        await _store.WriteTextAsync(ItemsKey, string.Join('\n', items) + "\n");
        var generator = new DatasetPreviewGenerator(_store);

        var tuxDrinking = await generator.GenerateAsync(Request("Tux drinks cocoa by the stove", 2));
        var gnu = await generator.GenerateAsync(Request("Gnu at the river", 1));

        Assert.False(tuxDrinking.Generated);
        Assert.Contains("no image was generated", tuxDrinking.Service, StringComparison.Ordinal);
        Assert.Equal(2, tuxDrinking.Images.Count);
        Assert.Contains("crops/Tux/000002000-0.png", tuxDrinking.Images[0].Provenance, StringComparison.Ordinal);
        Assert.Contains("crops/Tux/000000000-0.png", tuxDrinking.Images[1].Provenance, StringComparison.Ordinal);
        Assert.Equal(await _store.ReadBytesAsync("runs/r1/crops/Gnu/000001000-0.png"), gnu.Images.Single().Png.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_WhenTheRunHasNoDataset_ShouldThrowObjectNotFound()
    {
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => new DatasetPreviewGenerator(_store).GenerateAsync(Request("Tux", 1)));

        Assert.Contains("BuildDataset", error.Message, StringComparison.Ordinal);
    }

    private static ImageGenerationRequest Request(string prompt, int images) =>
        new("arn:aws:bedrock:us-east-1:000000000000:provisioned-model/abcdefabcdef", ItemsKey, new TextImageRequest(prompt, null, 512, 512, 6.5, 1, images));
}
