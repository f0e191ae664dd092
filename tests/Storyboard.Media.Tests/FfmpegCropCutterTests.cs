using System.Buffers.Binary;
using Storyboard.Core.Cropping;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegCropCutterTests(MediaFiles files)
{
    [Fact]
    public async Task CutAsync_WhenSeveralRectangles_ShouldWriteEachAsPngOfItsOutputSize()
    {
        var output = files.NewFolder("crops 100% ü");
        CropRequest[] crops =
        [
            new(new PixelRect(10, 10, 60, 80), 30, 40, Path.Combine(output, "a.png")),
            new(new PixelRect(100, 0, 100, 100), 512, 512, Path.Combine(output, "b.png")),
            new(new PixelRect(150, 50, 50, 25), 80, 40, Path.Combine(output, "nested", "c 50%.png")),
        ];

        await files.Media.Crops.CutAsync(files.RedBlue, crops, CancellationToken.None);

        foreach (var crop in crops)
        {
            var (width, height) = await PngSize(crop.OutputPath);
            Assert.Equal((crop.OutputWidth, crop.OutputHeight), (width, height));
        }
    }

    [Fact]
    public async Task CutAsync_WhenRectanglesLieInOneColour_ShouldKeepThatColour()
    {
        var output = files.NewFolder("colours");
        var red = Path.Combine(output, "red.png");
        var blue = Path.Combine(output, "blue.png");

        await files.Media.Crops.CutAsync(files.RedBlue, [new(new PixelRect(5, 5, 80, 90), 16, 16, red), new(new PixelRect(110, 5, 80, 90), 16, 16, blue)], CancellationToken.None);

        var size = new ThumbnailSize(16, 16, keepAspect: false);
        AssertAll(await files.Media.Thumbnails.FromImageAsync(red, size, CancellationToken.None), (255, 0, 0));
        AssertAll(await files.Media.Thumbnails.FromImageAsync(blue, size, CancellationToken.None), (0, 0, 255));
    }

    [Fact]
    public async Task CutAsync_WhenRectangleReachesPastTheEdge_ShouldFillOutsideWithBlackAndKeepGeometry()
    {
        var output = Path.Combine(files.NewFolder("edge"), "edge.png");

        // 100x100 starting 50 px left of the image: left half outside (black), right half red.
        await files.Media.Crops.CutAsync(files.RedBlue, [new(new PixelRect(-50, 0, 100, 100), 100, 100, output)], CancellationToken.None);

        var image = await files.Media.Thumbnails.FromImageAsync(output, new ThumbnailSize(100, 100, keepAspect: false), CancellationToken.None);
        Assert.Equal((0, 0, 0), ToInts(image.GetPixel(20, 50)));
        Assert.Equal((255, 0, 0), ToInts(image.GetPixel(80, 50)));
    }

    [Fact]
    public async Task CutManyAsync_WhenSeveralImages_ShouldCutEveryImagesCropsWithTheirOwnGeometry()
    {
        var output = files.NewFolder("many");
        var copy = Path.Combine(output, "second frame.png");
        File.Copy(files.RedBlue, copy);
        var sources = Enumerable.Range(0, 20)
            .Select(k => new CropSource(k % 2 == 0 ? files.RedBlue : copy, [
                new(new PixelRect(5 + k, 5, 60, 90), 16, 16, Path.Combine(output, $"{k}-red.png")),
                new(new PixelRect(110, 5, 80, 90 - k), 16, 20, Path.Combine(output, $"{k}-blue.png"))]))
            .ToList();

        await files.Media.Crops.CutManyAsync(sources, CancellationToken.None);

        var size = new ThumbnailSize(16, 16, keepAspect: false);
        foreach (var k in new[] { 0, 7, 19 })
        {
            AssertAll(await files.Media.Thumbnails.FromImageAsync(Path.Combine(output, $"{k}-red.png"), size, CancellationToken.None), (255, 0, 0));
            AssertAll(await files.Media.Thumbnails.FromImageAsync(Path.Combine(output, $"{k}-blue.png"), size, CancellationToken.None), (0, 0, 255));
            Assert.Equal((16, 20), await PngSize(Path.Combine(output, $"{k}-blue.png")));
        }
    }

    [Fact]
    public async Task CutManyAsync_WhenOneSourceIsNotAnImage_ShouldThrowMediaProcessFailed()
    {
        var output = files.NewFolder("many-bad");
        CropSource[] sources =
        [
            new(files.RedBlue, [new(new PixelRect(0, 0, 10, 10), 10, 10, Path.Combine(output, "good.png"))]),
            new(files.TextNamedMp4, [new(new PixelRect(0, 0, 10, 10), 10, 10, Path.Combine(output, "bad.png"))]),
        ];

        await Assert.ThrowsAsync<MediaProcessFailedException>(() => files.Media.Crops.CutManyAsync(sources, CancellationToken.None));
    }

    [Fact]
    public async Task CutAsync_WhenSourceIsNotAnImage_ShouldThrowMediaProcessFailed()
    {
        var output = Path.Combine(files.NewFolder("bad"), "x.png");

        await Assert.ThrowsAsync<MediaProcessFailedException>(() => files.Media.Crops.CutAsync(files.TextNamedMp4, [new(new PixelRect(0, 0, 10, 10), 10, 10, output)], CancellationToken.None));
    }

    private static async Task<(int Width, int Height)> PngSize(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("\u0089PNG", System.Text.Encoding.Latin1.GetString(bytes, 0, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static (int, int, int) ToInts((byte R, byte G, byte B) p) => (p.R, p.G, p.B);

    private static void AssertAll(Core.Imaging.RgbImage image, (int R, int G, int B) colour)
    {
        // Edge pixels may blend slightly through the scaler at the crop border; the inside must be exact.
        for (var y = 2; y < image.Height - 2; y++)
        {
            for (var x = 2; x < image.Width - 2; x++)
            {
                Assert.Equal(colour, ToInts(image.GetPixel(x, y)));
            }
        }
    }
}
