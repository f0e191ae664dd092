using Storyboard.Core.Imaging;
using Storyboard.Tests.Shared;

namespace Storyboard.Core.Tests.Imaging;

public class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 5)]
    [InlineData(64, 48)]
    public void Encode_WhenDecodedByOwnDecoder_ShouldRoundTripRgbExactly(int w, int h)
    {
        var image = Noise(w, h, seed: w * h);

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));

        Assert.Equal(image.Pixels, decoded.ToRgb().Pixels);
        Assert.All(Enumerable.Range(0, w * h), i => Assert.Equal(255, decoded.Pixels[(i * 4) + 3]));
    }

    [Fact]
    public void Encode_WhenImageHasAlpha_ShouldRoundTripRgbaExactly()
    {
        var rgba = new byte[33 * 9 * 4];
        new Random(7).NextBytes(rgba);
        var image = new RgbaImage(33, 9, rgba);

        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));

        Assert.Equal(rgba, decoded.Pixels);
    }

    [Fact]
    public async Task Encode_WhenDecodedByFfmpeg_ShouldGiveTheSamePixels()
    {
        var image = PngDecoderTests.Gradient(101, 37);
        var file = Path.Combine(Path.GetTempPath(), $"storyboard-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, PngEncoder.Encode(image));
        try
        {
            var decoded = await FfmpegRunner.RunAsync("-i", file, "-f", "rawvideo", "-pix_fmt", "rgb24", "-");

            Assert.Equal(image.Pixels, decoded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static RgbImage Noise(int w, int h, int seed)
    {
        // Smooth areas plus noise, so every row filter gets chosen somewhere.
        var p = new byte[w * h * 3];
        var random = new Random(seed);
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = (byte)(((i / 3 % w) * 3) + (random.Next(4) == 0 ? random.Next(256) : 0));
        }

        return new RgbImage(w, h, p);
    }
}
