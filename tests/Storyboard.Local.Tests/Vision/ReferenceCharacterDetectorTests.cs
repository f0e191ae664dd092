using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Tests.TestSupport;
using Storyboard.Local.Vision;

using Storyboard.Tests.Shared;

namespace Storyboard.Local.Tests.Vision;

/// <summary>
/// Frames composed by ffmpeg from the Debian sprites over Debian photographs, through H.264,
/// then searched with the real detector.
/// </summary>
public class ReferenceCharacterDetectorTests : IClassFixture<ReferenceCharacterDetectorTests.Characters>
{
    private readonly ICharacterReferenceIndex index;
    private readonly ReferenceCharacterDetector detector = new();

    public ReferenceCharacterDetectorTests(Characters characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        index = characters.Index;
    }

    [Theory]
    [InlineData("Dino", 150)]
    [InlineData("Dino", 300)]
    [InlineData("Dino", 600)]
    [InlineData("Teddy", 150)]
    [InlineData("Teddy", 300)]
    [InlineData("Teddy", 600)]
    public async Task DetectAsync_WhenCharacterAppearsAtHeight_ShouldFindItWithIoUAtLeastHalf(string character, int height)
    {
        var sprite = character == "Dino" ? DebianAssets.Dino : DebianAssets.Teddy;
        var (frame, boxes) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(sprite, 700 - height / 2, Math.Max(20, 700 - height), height));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, character, boxes[0]);
        Assert.Single(detections);
    }

    [Theory]
    [InlineData("Dino")]
    [InlineData("Teddy")]
    public async Task DetectAsync_WhenCharacterIsMirrored_ShouldFindIt(string character)
    {
        var sprite = character == "Dino" ? DebianAssets.Dino : DebianAssets.Teddy;
        var (frame, boxes) = await SceneComposer.ComposeAsync(DebianAssets.Dune, new Placement(sprite, 500, 200, 350, Flip: true));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, character, boxes[0]);
    }

    [Theory]
    [InlineData("Dino", 20)]
    [InlineData("Teddy", -20)]
    public async Task DetectAsync_WhenCharacterLeansOver_ShouldFindIt(string character, double degrees)
    {
        var sprite = character == "Dino" ? DebianAssets.Dino : DebianAssets.Teddy;
        var (frame, boxes) = await SceneComposer.ComposeAsync(DebianAssets.Meadow, new Placement(sprite, 400, 200, 350, RotateDegrees: degrees));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, character, boxes[0]);
    }

    [Theory]
    [InlineData(-90, 200)] // left edge cuts off about a third
    [InlineData(1100, 200)] // right edge
    [InlineData(500, 450)] // bottom edge
    public async Task DetectAsync_WhenCharacterIsPartlyOutsideTheFrame_ShouldBoxTheVisiblePart(int x, int y)
    {
        var (frame, boxes) = await SceneComposer.ComposeAsync(DebianAssets.Meadow, new Placement(DebianAssets.Teddy, x, y, 400));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, "Teddy", boxes[0]);
        Assert.All(detections, d => Assert.True(d.Box.Left >= 0 && d.Box.Top >= 0 && d.Box.Right <= 1.0000001 && d.Box.Bottom <= 1.0000001));
    }

    [Fact]
    public async Task DetectAsync_WhenBothCharactersAreInTheFrame_ShouldNameEachCorrectly()
    {
        var (frame, boxes) = await SceneComposer.ComposeAsync(
            DebianAssets.LadyBird,
            new Placement(DebianAssets.Teddy, 100, 120, 350, Flip: true),
            new Placement(DebianAssets.Dino, 800, 300, 250));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, "Teddy", boxes[0]);
        AssertFound(detections, "Dino", boxes[1]);
        Assert.Equal(2, detections.Count);
    }

    [Theory]
    [InlineData("edward_bear")]
    [InlineData("brown_bear")]
    [InlineData("iguana")]
    [InlineData("lion")]
    public async Task DetectAsync_WhenOnlyALookAlikeIsInTheFrame_ShouldReportNothing(string lookAlike)
    {
        var sprite = lookAlike switch
        {
            "edward_bear" => DebianAssets.EdwardBear,
            "brown_bear" => DebianAssets.BrownBear,
            "iguana" => DebianAssets.Iguana,
            _ => DebianAssets.CartoonLion,
        };
        var (frame, _) = await SceneComposer.ComposeAsync(DebianAssets.Dune, new Placement(sprite, 400, 150, 400), new Placement(sprite, 950, 400, 200, Flip: true));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Empty(detections);
    }

    [Fact]
    public async Task DetectAsync_WhenCharacterStandsBesideALookAlike_ShouldFindOnlyTheCharacter()
    {
        var (frame, boxes) = await SceneComposer.ComposeAsync(
            DebianAssets.Aqua,
            new Placement(DebianAssets.EdwardBear, 150, 200, 380),
            new Placement(DebianAssets.Teddy, 700, 250, 380));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        AssertFound(detections, "Teddy", boxes[1]);
        Assert.Single(detections);
    }

    [Theory]
    [InlineData("Wood")]
    [InlineData("Garden")]
    public async Task DetectAsync_WhenFrameIsABackgroundPhotoOnly_ShouldReportNothing(string background)
    {
        var (frame, _) = await SceneComposer.ComposeAsync(background == "Wood" ? DebianAssets.Wood : DebianAssets.Garden);

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Empty(detections);
    }

    [Fact]
    public async Task DetectAsync_WhenRunTwice_ShouldReturnIdenticalDetectionsThatNameTheService()
    {
        var (frame, _) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(DebianAssets.Dino, 200, 300, 280), new Placement(DebianAssets.Teddy, 700, 200, 300));

        var first = await detector.DetectAsync(frame, index, CancellationToken.None);
        var second = await new ReferenceCharacterDetector().DetectAsync(new RgbImage(frame.Width, frame.Height, [.. frame.Pixels]), index, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEmpty(first);
        Assert.All(first, d => Assert.Equal("local:reference-detector v1", d.Service));
        Assert.All(first, d => Assert.InRange(d.Confidence, 0.5, 1.0));
    }

    [Fact]
    public async Task DetectAsync_WhenCallsOnDifferentFramesRunConcurrently_ShouldEachMatchACallMadeAlone()
    {
        var (a, _) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(DebianAssets.Dino, 200, 300, 280), new Placement(DebianAssets.Teddy, 700, 200, 300));
        var (b, _) = await SceneComposer.ComposeAsync(DebianAssets.Meadow, new Placement(DebianAssets.Teddy, 400, 200, 350, Flip: true));
        var alone = new[] { await new ReferenceCharacterDetector().DetectAsync(a, index, CancellationToken.None), await new ReferenceCharacterDetector().DetectAsync(b, index, CancellationToken.None) };

        // One instance, calls interleaved on two threads: scratch handed from call to call must not carry anything over.
        var shared = new ReferenceCharacterDetector();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => shared.DetectAsync(i % 2 == 0 ? a : b, index, CancellationToken.None))));

        for (var i = 0; i < runs.Length; i++)
        {
            Assert.Equal(alone[i % 2], runs[i]);
        }

        Assert.NotEmpty(alone[1]);
    }

    [Theory]
    [InlineData(64, 64)]
    [InlineData(320, 180)]
    [InlineData(7, 300)]
    public async Task DetectAsync_WhenFrameIsSmallOrOddlyShaped_ShouldReturnWithoutError(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7 % 251);
        }

        var detections = await detector.DetectAsync(new RgbImage(width, height, pixels), index, CancellationToken.None);

        Assert.Empty(detections);
    }

    [Fact]
    public async Task DetectAsync_WhenFrameIsDownscaledTo320x180_ShouldStillFindALargeCharacter()
    {
        var (frame, boxes) = await SceneComposer.ComposeAsync(DebianAssets.Garden, new Placement(DebianAssets.Teddy, 500, 150, 450));
        var small = await ScaleAsync(frame, 320, 180);

        var detections = await detector.DetectAsync(small, index, CancellationToken.None);

        AssertFound(detections, "Teddy", boxes[0]);
    }

    [Fact]
    public async Task DetectAsync_WhenIndexComesFromAnotherService_ShouldRefuseIt()
    {
        var frame = new RgbImage(64, 64, new byte[64 * 64 * 3]);

        await Assert.ThrowsAsync<ArgumentException>(() => detector.DetectAsync(frame, new ForeignIndex(), CancellationToken.None));
    }

    private static async Task<RgbImage> ScaleAsync(RgbImage frame, int width, int height)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"storyboard-{Guid.NewGuid():N}.rgb");
        await File.WriteAllBytesAsync(raw, frame.Pixels);
        try
        {
            return await FfmpegRunner.RawFrameAsync(width, height, "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{frame.Width}x{frame.Height}", "-i", raw, "-vf", $"scale={width}:{height}:flags=area");
        }
        finally
        {
            File.Delete(raw);
        }
    }

    private static void AssertFound(IReadOnlyList<CharacterDetection> detections, string character, RelativeBox truth)
    {
        var best = detections.Where(d => d.Character == character).Select(d => d.Box.IntersectionOverUnion(truth)).DefaultIfEmpty(0).Max();
        Assert.True(best >= 0.5, $"{character} at {truth}: best IoU {best:F2}; detections: {string.Join("; ", detections.Select(d => $"{d.Character} {d.Box} {d.Confidence}"))}");
    }

    /// <summary>The two demo characters, indexed once for all tests in this class.</summary>
    public sealed class Characters : IAsyncLifetime
    {
        public ICharacterReferenceIndex Index { get; private set; } = null!;

        public async Task InitializeAsync() => Index = await SceneComposer.IndexAsync(("Dino", DebianAssets.Dino), ("Teddy", DebianAssets.Teddy));

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private sealed class ForeignIndex : ICharacterReferenceIndex
    {
        public IReadOnlyList<string> Characters => ["Tux"];

        public string Service => "aws:rekognition";
    }
}
