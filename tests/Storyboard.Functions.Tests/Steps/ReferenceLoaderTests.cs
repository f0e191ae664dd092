using Storyboard.Core.Config;
using Storyboard.Core.Storage;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Steps;

public sealed class ReferenceLoaderTests : IDisposable
{
    private readonly RunFolder folder = new();

    [Fact]
    public async Task IndexFromManifestAsync_WhenAReferenceChangedAfterIndexing_ShouldRefuseToMixReferences()
    {
        var config = new RunConfig { Characters = [new CharacterConfig { Name = "Dino" }] };
        await folder.Store.WriteAsync("characters/Dino/a.png", new MemoryStream(Fixtures.ReferencePng()));
        var (manifest, _) = await new ReferenceLoader(folder.Services).ReadAsync(config, CancellationToken.None);
        await folder.Store.WriteAsync("characters/Dino/b.png", new MemoryStream(Fixtures.ReferencePng()));

        await Assert.ThrowsAsync<ReferencesChangedException>(() => new ReferenceLoader(folder.Services).IndexFromManifestAsync(manifest, config, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_WhenTheSameImagesAreReadTwice_ShouldGiveTheSameFingerprint()
    {
        var config = new RunConfig { Characters = [new CharacterConfig { Name = "Dino" }] };
        await folder.Store.WriteAsync("characters/Dino/a.png", new MemoryStream(Fixtures.ReferencePng()));
        await folder.Store.WriteTextAsync("characters/Dino/.DS_Store", "finder");

        var (first, images) = await new ReferenceLoader(folder.Services).ReadAsync(config, CancellationToken.None);
        var (second, _) = await new ReferenceLoader(folder.Services).ReadAsync(config, CancellationToken.None);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Single(images);
        Assert.Equal("characters/Dino/a.png", Assert.Single(first.References).Key);
    }

    [Fact]
    public async Task ReadAsync_WhenAReferenceIsAJpeg_ShouldHandTheIndexBuilderAPng()
    {
        var config = new RunConfig { Characters = [new CharacterConfig { Name = "Dino" }] };
        var png = Path.Combine(folder.Root, "dino.png");
        var jpeg = Path.Combine(folder.Root, "dino.jpg");
        await File.WriteAllBytesAsync(png, Fixtures.ReferencePng());
        await Ffmpeg.RunAsync("-i", png, "-q:v", "3", jpeg);
        await folder.PutFileAsync("characters/Dino/dino.jpg", jpeg);

        var (_, images) = await new ReferenceLoader(folder.Services).ReadAsync(config, CancellationToken.None);

        var image = Assert.Single(images);
        Assert.True(Storyboard.Core.Imaging.PngDecoder.IsPng(image.Content.Span));
        Assert.Equal("characters/Dino/dino.jpg", image.FileName);
    }

    public void Dispose() => folder.Dispose();
}
