using Storyboard.Core.Imaging;

namespace Storyboard.Core.Tests.Imaging;

public sealed class AreaResamplerTests
{
    [Theory]
    [InlineData(1280, 720, 640, 640, 640, 360)]
    [InlineData(640, 360, 256, 256, 256, 144)]
    [InlineData(1024, 1536, 224, 224, 149, 224)]
    [InlineData(720, 1280, 256, 256, 144, 256)]
    [InlineData(1000, 3, 10, 10, 10, 1)]
    public void FitInside_WhenKeepingAspect_ShouldRoundAsFfmpegDecreaseDoes(int width, int height, int maxWidth, int maxHeight, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), AreaResampler.FitInside(width, height, maxWidth, maxHeight));

    [Fact]
    public void Resize_WhenHalving_ShouldAverageEachTwoByTwoBlock()
    {
        var image = new RgbImage(4, 2, [
            0, 0, 0, 100, 100, 100, 10, 20, 30, 10, 20, 30,
            200, 200, 200, 100, 100, 100, 10, 20, 30, 50, 60, 70]);

        var half = AreaResampler.Resize(image, 2, 1);

        Assert.Equal([100, 100, 100, 20, 30, 40], half.Pixels);
    }

    [Fact]
    public void Resize_WhenScaleIsFractional_ShouldWeighPartlyCoveredPixelsByTheirShare()
    {
        // Three pixels into two: the middle one is split half and half.
        var image = new RgbImage(3, 1, [0, 0, 0, 90, 90, 90, 180, 180, 180]);

        var resized = AreaResampler.Resize(image, 2, 1);

        Assert.Equal([30, 30, 30, 150, 150, 150], resized.Pixels);
    }

    [Fact]
    public void Resize_WhenImageIsOneColour_ShouldKeepItExactly()
    {
        var pixels = new byte[640 * 360 * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (12, 200, 77);
        }

        var resized = AreaResampler.Resize(new RgbImage(640, 360, pixels), 256, 144);

        Assert.Equal((256, 144), (resized.Width, resized.Height));
        Assert.All(resized.Pixels.Chunk(3), p => Assert.Equal(new byte[] { 12, 200, 77 }, p));
    }

    [Fact]
    public void Resize_WhenSizeAlreadyMatches_ShouldReturnTheSameImage()
    {
        var image = new RgbImage(2, 2, new byte[12]);

        Assert.Same(image, AreaResampler.Resize(image, 2, 2));
    }
}
