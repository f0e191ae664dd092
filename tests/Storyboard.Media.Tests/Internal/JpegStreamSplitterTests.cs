using Storyboard.Media.Internal;

namespace Storyboard.Media.Tests.Internal;

[Collection(MediaCollection.Name)]
public sealed class JpegStreamSplitterTests(MediaFiles files)
{
    [Fact]
    public async Task ReadNextAsync_WhenStreamArrivesInTinyPieces_ShouldReturnEachImageWhole()
    {
        var images = await MakeJpegs(5);

        var split = await SplitAll(new TrickleStream(images.SelectMany(i => i).ToArray()));

        Assert.Equal(images.Count, split.Count);
        Assert.All(images.Zip(split), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Fact]
    public async Task ReadNextAsync_WhenAHeaderSegmentContainsEndOfImageBytes_ShouldNotCutThere()
    {
        var image = (await MakeJpegs(1))[0];

        // A comment segment right after start-of-image whose payload holds FF D9.
        byte[] comment = [0xFF, 0xFE, 0x00, 0x06, 0xFF, 0xD9, 0xFF, 0xD9];
        byte[] tricky = [.. image[..2], .. comment, .. image[2..]];

        var split = await SplitAll(new TrickleStream([.. tricky, .. image]));

        Assert.Equal(2, split.Count);
        Assert.Equal(tricky, split[0]);
        Assert.Equal(image, split[1]);
    }

    [Fact]
    public async Task ReadNextAsync_WhenStreamIsNotJpeg_ShouldThrowInvalidData()
    {
        var splitter = new JpegStreamSplitter(new MemoryStream("not a jpeg"u8.ToArray()));

        await Assert.ThrowsAsync<InvalidDataException>(async () => await splitter.ReadNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadNextAsync_WhenStreamEndsInsideAnImage_ShouldThrowInvalidData()
    {
        var image = (await MakeJpegs(1))[0];
        var splitter = new JpegStreamSplitter(new MemoryStream(image[..(image.Length / 2)]));

        await Assert.ThrowsAsync<InvalidDataException>(async () => await splitter.ReadNextAsync(CancellationToken.None));
    }

    private static async Task<List<byte[]>> SplitAll(Stream stream)
    {
        var splitter = new JpegStreamSplitter(stream);
        var images = new List<byte[]>();
        while (await splitter.ReadNextAsync(CancellationToken.None) is { } image)
        {
            images.Add(image);
        }

        return images;
    }

    /// <summary>Separate JPEG files written by ffmpeg: the reference the split stream must equal.</summary>
    private async Task<List<byte[]>> MakeJpegs(int count)
    {
        var folder = files.NewFolder("jpegs");
        var result = await files.Media.Runner.RunAsync(
            new MediaProcessRequest("ffmpeg", files.Media.Locator.Ffmpeg,
                ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=96x64:r=5", "-frames:v", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-c:v", "mjpeg", "-q:v", "3", Path.Combine(folder, "%03d.jpg")],
                TimeSpan.FromSeconds(60), 0),
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        var paths = Directory.GetFiles(folder).Order(StringComparer.Ordinal);
        var images = new List<byte[]>();
        foreach (var path in paths)
        {
            images.Add(await File.ReadAllBytesAsync(path));
        }

        return images;
    }

    /// <summary>Hands out 1–7 bytes per read, so every buffer boundary case is crossed.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        private int _next;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _next = (_next % 7) + 1;
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, _next)], cancellationToken);
        }
    }
}
