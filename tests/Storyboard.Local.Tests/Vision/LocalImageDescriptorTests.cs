using Storyboard.Core.Imaging;
using Storyboard.Local.Tests.TestSupport;
using Storyboard.Local.Vision;
using Xunit.Abstractions;

namespace Storyboard.Local.Tests.Vision;

public class LocalImageDescriptorTests(ITestOutputHelper output)
{
    private readonly LocalImageDescriptor descriptor = new();

    [Fact]
    public async Task EmbedAsync_WhenGivenAFrame_ShouldReturnAUnitVectorOfTheDocumentedSize()
    {
        var (frame, _) = await SceneComposer.ComposeAsync(DebianAssets.Garden);

        var v = await descriptor.EmbedAsync(frame, CancellationToken.None);

        Assert.Equal(437, descriptor.Dimensions);
        Assert.Equal(descriptor.Dimensions, v.Length);
        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4);
        Assert.Equal("local:image-descriptor v1", descriptor.Service);
    }

    [Fact]
    public async Task EmbedAsync_WhenTheSameImageIsEmbeddedTwice_ShouldBeIdenticalAndSimilarityOne()
    {
        var (frame, _) = await SceneComposer.ComposeAsync(DebianAssets.Meadow, new Placement(DebianAssets.Teddy, 300, 200, 300));

        var a = await descriptor.EmbedAsync(frame, CancellationToken.None);
        var b = await new LocalImageDescriptor().EmbedAsync(new RgbImage(frame.Width, frame.Height, [.. frame.Pixels]), CancellationToken.None);

        Assert.Equal(a, b);
        Assert.True(LocalImageDescriptor.Similarity(a, b) >= 0.99);
    }

    [Fact]
    public async Task EmbedAsync_WhenTheShotMovesSlightly_ShouldStayANearDuplicate()
    {
        var (a, _) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(DebianAssets.Dino, 300, 300, 300));
        var (b, _) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(DebianAssets.Dino, 316, 296, 304));

        var similarity = LocalImageDescriptor.Similarity(descriptor.Embed(a), descriptor.Embed(b));

        output.WriteLine($"small motion: {similarity:F4}");
        Assert.True(similarity >= LocalImageDescriptor.NearDuplicateThreshold, $"{similarity:F4}");
    }

    [Fact]
    public async Task EmbedAsync_WhenBrightnessChangesALittle_ShouldStayANearDuplicate()
    {
        var (a, _) = await SceneComposer.ComposeAsync(DebianAssets.LadyBird, new Placement(DebianAssets.Teddy, 500, 200, 300));
        var brighter = new RgbImage(a.Width, a.Height, [.. a.Pixels.Select(p => (byte)Math.Min(255, (p * 1.08) + 6))]);

        var similarity = LocalImageDescriptor.Similarity(descriptor.Embed(a), descriptor.Embed(brighter));

        output.WriteLine($"brightness: {similarity:F4}");
        Assert.True(similarity >= LocalImageDescriptor.NearDuplicateThreshold, $"{similarity:F4}");
    }

    [Fact]
    public async Task EmbedAsync_WhenScenesDiffer_ShouldScoreWellBelowTheNearDuplicateThreshold()
    {
        string[] backgrounds = [DebianAssets.Garden, DebianAssets.Dune, DebianAssets.Wood, DebianAssets.Meadow, DebianAssets.Aqua, DebianAssets.LadyBird];
        var vectors = new List<float[]>();
        foreach (var bg in backgrounds)
        {
            var (frame, _) = await SceneComposer.ComposeAsync(bg, new Placement(DebianAssets.Teddy, 500, 200, 300));
            vectors.Add(descriptor.Embed(frame));
        }

        var highest = 0.0;
        for (var i = 0; i < vectors.Count; i++)
        {
            for (var j = i + 1; j < vectors.Count; j++)
            {
                highest = Math.Max(highest, LocalImageDescriptor.Similarity(vectors[i], vectors[j]));
            }
        }

        output.WriteLine($"highest across different scenes: {highest:F4}");
        Assert.True(highest < 0.8, $"{highest:F4}");
    }

    [Fact]
    public void Embed_WhenImageIsTinyOrFlat_ShouldStillReturnAUnitVector()
    {
        var tiny = descriptor.Embed(new RgbImage(3, 2, [.. Enumerable.Repeat((byte)90, 18)]));

        Assert.Equal(1.0, Math.Sqrt(tiny.Sum(x => (double)x * x)), 4);
    }
}
