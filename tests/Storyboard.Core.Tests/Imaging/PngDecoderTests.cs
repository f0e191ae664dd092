using Storyboard.Core.Imaging;
using Storyboard.Tests.Shared;

using Storyboard.Core.Tests.TestSupport;

namespace Storyboard.Core.Tests.Imaging;

public class PngDecoderTests
{
    /// <summary>A 97x61 test card with alpha varying across it (odd sizes exercise row and Adam7 edges).</summary>
    private static readonly string[] Source = ["-f", "lavfi", "-i", "testsrc2=s=97x61:r=1,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='255*X/W'"];

    public static TheoryData<string, string> FfmpegFormats => new()
    {
        { "rgb24", "mixed" },
        { "rgba", "mixed" },
        { "gray", "mixed" },
        { "ya8", "mixed" },
        { "pal8", "none" },
        { "monob", "none" },
        { "rgb48be", "mixed" },
        { "rgba64be", "mixed" },
        { "gray16be", "mixed" },
        { "ya16be", "mixed" },
        { "rgb24", "none" },
        { "rgb24", "sub" },
        { "rgb24", "up" },
        { "rgb24", "avg" },
        { "rgb24", "paeth" },
    };

    [Theory]
    [MemberData(nameof(FfmpegFormats))]
    public async Task Decode_WhenFfmpegWritesPixelFormatAndFilter_ShouldMatchFfmpegsOwnDecoding(string pixelFormat, string prediction)
    {
        var png = await FfmpegRunner.RunAsync([.. Source, "-frames:v", "1", "-pix_fmt", pixelFormat, "-pred", prediction, "-f", "image2pipe", "-c:v", "png", "-"]);

        await AssertDecodesLikeFfmpegAsync(png);
    }

    [Theory]
    [InlineData("rgba")]
    [InlineData("pal8")]
    [InlineData("gray16be")]
    public async Task Decode_WhenPngIsAdam7Interlaced_ShouldMatchFfmpegsOwnDecoding(string pixelFormat)
    {
        var png = await FfmpegRunner.RunAsync([.. Source, "-frames:v", "1", "-pix_fmt", pixelFormat, "-flags", "+ildct", "-f", "image2pipe", "-c:v", "png", "-"]);
        Assert.Equal(1, png[28]); // IHDR interlace byte: the encoder really wrote Adam7

        await AssertDecodesLikeFfmpegAsync(png);
    }

    [Fact]
    public async Task Decode_WhenTwoBitPaletteHasTransparency_ShouldApplyTrnsAlphaLikeFfmpeg()
    {
        // 5x2 pixels, indices 0..3 packed four per byte; index 0 transparent, index 1 half.
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];
        var png = HandMadePng.Build(5, 2, 2, 3, [[0b00_01_10_11, 0b00_000000], [0b11_10_01_00, 0b01_000000]], palette, trns: [0, 128]);

        var decoded = PngDecoder.Decode(png);

        Assert.Equal(0, decoded.Pixels[3]);
        Assert.Equal(128, decoded.Pixels[7]);
        Assert.Equal(255, decoded.Pixels[11]);
        await AssertDecodesLikeFfmpegAsync(png);
    }

    [Fact]
    public void Decode_WhenFourBitGreyHasTransparentColour_ShouldMakeThatGreyTransparent()
    {
        // 4-bit grey samples 0, 7, 15, 3; the value 7 is marked transparent by tRNS.
        var png = HandMadePng.Build(4, 1, 4, 0, [[0x07, 0xF3]], trns: [0, 7]);

        var decoded = PngDecoder.Decode(png);

        Assert.Equal([255, 0, 255, 255], new[] { decoded.Pixels[3], decoded.Pixels[7], decoded.Pixels[11], decoded.Pixels[15] });
        Assert.Equal(255, decoded.Pixels[8]); // sample 15 of 15 is white
        Assert.Equal(17 * 3, decoded.Pixels[12]); // 4-bit samples scale by 17
    }

    [Fact]
    public async Task Decode_WhenEightBitGreyHasTransparentColour_ShouldMatchFfmpeg()
    {
        var png = HandMadePng.Build(3, 2, 8, 0, [[0, 99, 255], [99, 98, 100]], trns: [0, 99]);

        var decoded = PngDecoder.Decode(png);

        Assert.Equal(0, decoded.Pixels[7]);
        await AssertDecodesLikeFfmpegAsync(png);
    }

    [Theory]
    [MemberData(nameof(FfmpegFormats))]
    public async Task DecodeRgb_WhenFfmpegWritesPixelFormatAndFilter_ShouldEqualDecodeCompositedOverBlack(string pixelFormat, string prediction)
    {
        var png = await FfmpegRunner.RunAsync([.. Source, "-frames:v", "1", "-pix_fmt", pixelFormat, "-pred", prediction, "-f", "image2pipe", "-c:v", "png", "-"]);

        var rgb = PngDecoder.DecodeRgb(png);

        var expected = PngDecoder.Decode(png).ToRgb();
        Assert.Equal((expected.Width, expected.Height), (rgb.Width, rgb.Height));
        Assert.Equal(expected.Pixels, rgb.Pixels);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("up", 1)]
    [InlineData("paeth", 9)]
    public async Task DecodeRgb_WhenFrameIsLargeRgb24_ShouldMatchFfmpegsOwnDecodingExactly(string prediction, int level)
    {
        // Wide enough for whole vectors per row plus a tail, and many IDAT chunks.
        string[] frame = ["-f", "lavfi", "-i", "testsrc2=s=643x37:r=1", "-frames:v", "1", "-pix_fmt", "rgb24"];
        var png = await FfmpegRunner.RunAsync([.. frame, "-pred", prediction, "-compression_level", level.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "image2pipe", "-c:v", "png", "-"]);
        var raw = await FfmpegRunner.RunAsync([.. frame, "-f", "rawvideo", "-"]);

        Assert.Equal(raw, PngDecoder.DecodeRgb(png).Pixels);
    }

    [Fact]
    public void DecodeRgb_WhenImageDataStopsEarly_ShouldThrowInvalidPng()
    {
        var image = Gradient(40, 30);
        var rows = Enumerable.Range(0, 20).Select(y => image.Pixels.AsSpan(y * 120, 120).ToArray()).ToArray();
        var png = HandMadePng.Build(40, 30, 8, 2, rows, null, null);

        var e = Assert.Throws<InvalidPngException>(() => PngDecoder.DecodeRgb(png));
        Assert.Contains("shorter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeRgb_WhenImageDataIsCorrupted_ShouldThrowInvalidPng()
    {
        var png = PngEncoder.Encode(Gradient(20, 10));
        png[IndexOf(png, "IDAT"u8) + 10] ^= 0x5A;

        Assert.Throws<InvalidPngException>(() => PngDecoder.DecodeRgb(png));
    }

    [Fact]
    public void Decode_WhenBytesAreNotPng_ShouldThrowInvalidPng()
    {
        var e = Assert.Throws<InvalidPngException>(() => PngDecoder.Decode("GIF89a not a png"u8));
        Assert.Contains("signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WhenFileIsTruncated_ShouldThrowInvalidPng()
    {
        var png = PngEncoder.Encode(Gradient(20, 10));

        Assert.Throws<InvalidPngException>(() => PngDecoder.Decode(png.AsSpan(0, png.Length - 20)));
    }

    [Fact]
    public void Decode_WhenImageDataIsCorrupted_ShouldThrowInvalidPngNamingTheChunk()
    {
        var png = PngEncoder.Encode(Gradient(20, 10));
        png[IndexOf(png, "IDAT"u8) + 10] ^= 0x5A;

        var e = Assert.Throws<InvalidPngException>(() => PngDecoder.Decode(png));
        Assert.Contains("IDAT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WhenAnUnknownCriticalChunkIsPresent_ShouldThrowUnsupportedPng()
    {
        var png = PngEncoder.Encode(Gradient(4, 4)).ToList();
        byte[] chunk = [0, 0, 0, 0, (byte)'X', (byte)'Y', (byte)'Z', (byte)'W', 0, 0, 0, 0];
        var crc = Crc(chunk.AsSpan(4, 4));
        chunk[8] = (byte)(crc >> 24);
        chunk[9] = (byte)(crc >> 16);
        chunk[10] = (byte)(crc >> 8);
        chunk[11] = (byte)crc;
        png.InsertRange(33, chunk);

        Assert.Throws<UnsupportedPngException>(() => PngDecoder.Decode(png.ToArray()));
    }

    internal static RgbImage Gradient(int w, int h)
    {
        var p = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = ((y * w) + x) * 3;
                p[i] = (byte)(x * 255 / Math.Max(1, w - 1));
                p[i + 1] = (byte)(y * 255 / Math.Max(1, h - 1));
                p[i + 2] = (byte)((x * y) % 256);
            }
        }

        return new RgbImage(w, h, p);
    }

    private static async Task AssertDecodesLikeFfmpegAsync(byte[] png)
    {
        var decoded = PngDecoder.Decode(png);
        var input = Path.Combine(Path.GetTempPath(), $"storyboard-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(input, png);
        try
        {
            var expected = await FfmpegRunner.RunAsync("-i", input, "-f", "rawvideo", "-pix_fmt", "rgba", "-");
            Assert.Equal(expected.Length, decoded.Pixels.Length);

            // 16-bit samples: ffmpeg rounds, the decoder keeps the high byte; both are faithful.
            var worst = expected.Zip(decoded.Pixels, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1, $"largest channel difference {worst}");
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> needle) => data.IndexOf(needle);

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
