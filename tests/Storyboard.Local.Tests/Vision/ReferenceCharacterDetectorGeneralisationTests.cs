using Storyboard.Core.Vision;
using Storyboard.Local.Tests.TestSupport;
using Storyboard.Local.Vision;

namespace Storyboard.Local.Tests.Vision;

/// <summary>
/// The detector's settings were tuned on the two demo characters; these tests use three other
/// sprites, each with a close look-alike drawing, to show they carry over.
/// </summary>
public class ReferenceCharacterDetectorGeneralisationTests
{
    private readonly ReferenceCharacterDetector detector = new();

    [Fact]
    public async Task DetectAsync_WhenOtherCartoonCharactersAreIndexed_ShouldFindEachOfThem()
    {
        var index = await IndexAsync();
        var (frame, boxes) = await SceneComposer.ComposeAsync(
            DebianAssets.Wood,
            new Placement(DebianAssets.Ladybug, 100, 300, 380, RotateDegrees: 15),
            new Placement(DebianAssets.Snail, 1100, 300, 200),
            new Placement(DebianAssets.SpiderFly, 600, 50, 170, Flip: true));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        string[] names = ["Ladybug", "Snail", "Spider"];
        for (var i = 0; i < names.Length; i++)
        {
            var iou = detections.Where(d => d.Character == names[i]).Select(d => d.Box.IntersectionOverUnion(boxes[i])).DefaultIfEmpty(0).Max();
            Assert.True(iou >= 0.5, $"{names[i]}: IoU {iou:F2}");
        }

        Assert.Equal(3, detections.Count);
    }

    [Fact]
    public async Task DetectAsync_WhenOnlyTheirLookAlikesAreInTheFrame_ShouldReportNothing()
    {
        var index = await IndexAsync();
        var (frame, _) = await SceneComposer.ComposeAsync(
            DebianAssets.Meadow,
            new Placement(DebianAssets.Ladybug2, 100, 300, 350),
            new Placement(DebianAssets.Snail2, 500, 100, 200, Flip: true),
            new Placement(DebianAssets.SpiderFootball, 880, 300, 330),
            new Placement(DebianAssets.SpiderComputer, 480, 400, 260));

        var detections = await detector.DetectAsync(frame, index, CancellationToken.None);

        Assert.Empty(detections);
    }

    private static Task<ICharacterReferenceIndex> IndexAsync() =>
        SceneComposer.IndexAsync(("Ladybug", DebianAssets.Ladybug), ("Snail", DebianAssets.Snail), ("Spider", DebianAssets.SpiderFly));
}
