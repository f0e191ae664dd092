using Storyboard.Core.Imaging;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

[Collection(MediaCollection.Name)]
public sealed class FfmpegThumbnailerTests(MediaFiles files)
{
    [Fact]
    public async Task FromImageAsync_WhenExactSize_ShouldReturnThatSizeWithSourceColours()
    {
        var image = await files.Media.Thumbnails.FromImageAsync(files.RedBlue, new ThumbnailSize(20, 10, keepAspect: false), CancellationToken.None);

        Assert.Equal((20, 10), (image.Width, image.Height));
        Assert.Equal(20 * 10 * 3, image.Pixels.Length);
        Assert.Equal((255, 0, 0), ToInts(image.GetPixel(2, 5)));
        Assert.Equal((0, 0, 255), ToInts(image.GetPixel(17, 5)));
    }

    [Fact]
    public async Task FromImageAsync_WhenKeepingAspect_ShouldFitInsideTheBox()
    {
        var image = await files.Media.Thumbnails.FromImageAsync(files.RedBlue, new ThumbnailSize(32, 32, keepAspect: true), CancellationToken.None);

        Assert.Equal((32, 16), (image.Width, image.Height));
    }

    [Fact]
    public async Task FromVideoAsync_WhenSolidColourClip_ShouldMatchTheColourWithinCodecError()
    {
        var image = await files.Media.Thumbnails.FromVideoAsync(files.BlueClip, 0.5, new ThumbnailSize(8, 8, keepAspect: false), CancellationToken.None);

        Assert.Equal((8, 8), (image.Width, image.Height));
        AssertNear(image, (0x33, 0x66, 0xCC), tolerance: 6);
    }

    [Fact]
    public async Task FromVideoAsync_WhenKeepingAspectOnRotatedClip_ShouldUseDisplayedOrientation()
    {
        var image = await files.Media.Thumbnails.FromVideoAsync(files.Rotated, 1, new ThumbnailSize(32, 32, keepAspect: true), CancellationToken.None);

        Assert.Equal((24, 32), (image.Width, image.Height));
    }

    [Fact]
    public async Task FromVideoAsync_WhenTimeIsAfterTheEnd_ShouldThrowArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => files.Media.Thumbnails.FromVideoAsync(files.BlueClip, 30, new ThumbnailSize(8, 8, false), CancellationToken.None));
    }

    private static (int, int, int) ToInts((byte R, byte G, byte B) p) => (p.R, p.G, p.B);

    private static void AssertNear(RgbImage image, (int R, int G, int B) colour, int tolerance)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image.GetPixel(x, y);
                Assert.True(Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(b - colour.B) <= tolerance,
                    $"pixel ({x},{y}) = ({r},{g},{b}), expected near {colour}");
            }
        }
    }
}
