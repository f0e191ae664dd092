using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision;

namespace Storyboard.Local.Tests.Vision;

public class LocalCharacterReferenceIndexBuilderTests
{
    private readonly LocalCharacterReferenceIndexBuilder builder = new();

    [Fact]
    public async Task BuildAsync_WhenNoReferencesAreGiven_ShouldThrowNoCharacterReferences()
    {
        var e = await Assert.ThrowsAsync<NoCharacterReferencesException>(() => builder.BuildAsync([], CancellationToken.None));

        Assert.Contains("characters/<Name>/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenAReferenceIsNotAnImage_ShouldNameTheFileAndReason()
    {
        var references = new[] { Sprite("Dino", "dino.png"), new CharacterReferenceImage("Teddy", "notes.txt", "just text"u8.ToArray()) };

        var e = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => builder.BuildAsync(references, CancellationToken.None));

        Assert.Equal("notes.txt", e.FileName);
        Assert.Equal("Teddy", e.Character);
        Assert.Contains("not an image format", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenAPngIsCorrupt_ShouldThrowInvalidReferenceImageWithThePngError()
    {
        var png = PngEncoder.Encode(Blob(40, 60, opaque: true));
        png[png.Length / 2] ^= 0xFF;

        var e = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => builder.BuildAsync([new CharacterReferenceImage("Dino", "broken.png", png)], CancellationToken.None));

        Assert.IsType<InvalidPngException>(e.InnerException);
        Assert.Contains("broken.png", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenAReferenceIsFullyTransparent_ShouldThrowInvalidReferenceImage()
    {
        var png = PngEncoder.Encode(Blob(40, 60, opaque: false));

        var e = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => builder.BuildAsync([new CharacterReferenceImage("Ghost", "ghost.png", png)], CancellationToken.None));

        Assert.Contains("opaque", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WhenCharacterNameHasASpace_ShouldThrowInvalidReferenceImage()
    {
        await Assert.ThrowsAsync<InvalidReferenceImageException>(() => builder.BuildAsync([Sprite("Big Dino", "dino.png")], CancellationToken.None));
    }

    [Fact]
    public async Task BuildAsync_WhenJpegIsGivenWithoutADecoderForIt_ShouldSaySoByName()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

        var e = await Assert.ThrowsAsync<InvalidReferenceImageException>(() => builder.BuildAsync([new CharacterReferenceImage("Dino", "dino.jpg", jpeg)], CancellationToken.None));

        Assert.Equal("dino.jpg", e.FileName);
    }

    [Fact]
    public async Task BuildAsync_WhenAnExtraDecoderReadsTheFormat_ShouldUseIt()
    {
        var withDecoder = new LocalCharacterReferenceIndexBuilder(new FixedDecoder(Blob(30, 50, opaque: true)));

        var index = await withDecoder.BuildAsync([new CharacterReferenceImage("Dino", "dino.jpg", new byte[] { 0xFF, 0xD8, 0xFF })], CancellationToken.None);

        Assert.Equal(["Dino"], index.Characters);
    }

    [Fact]
    public async Task BuildAsync_WhenReferencesAreValid_ShouldListCharactersSortedAndNameTheService()
    {
        var index = await builder.BuildAsync([Sprite("Teddy", "a.png"), Sprite("Dino", "b.png"), Sprite("Dino", "c.png")], CancellationToken.None);

        Assert.Equal(["Dino", "Teddy"], index.Characters);
        Assert.Equal("local:reference-detector v1", index.Service);
    }

    private static CharacterReferenceImage Sprite(string character, string file) => new(character, file, PngEncoder.Encode(Blob(40, 60, opaque: true)));

    /// <summary>An ellipse on a transparent background.</summary>
    private static RgbaImage Blob(int w, int h, bool opaque)
    {
        var p = new byte[w * h * 4];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var dx = (x - (w / 2.0)) / (w / 2.0);
                var dy = (y - (h / 2.0)) / (h / 2.0);
                var i = ((y * w) + x) * 4;
                p[i] = 200;
                p[i + 1] = (byte)(y * 4);
                p[i + 2] = 40;
                p[i + 3] = opaque && (dx * dx) + (dy * dy) <= 1 ? (byte)255 : (byte)0;
            }
        }

        return new RgbaImage(w, h, p);
    }

    private sealed class FixedDecoder(RgbaImage image) : IImageDecoder
    {
        public bool CanDecode(ReadOnlySpan<byte> header) => header.Length >= 2 && header[0] == 0xFF && header[1] == 0xD8;

        public Task<RgbaImage> DecodeAsync(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken) => Task.FromResult(image);
    }
}
