using Storyboard.Core.Runs;
using Storyboard.Core.Storage;

namespace Storyboard.Core.Tests.Runs;

public class RunLayoutTests
{
    private readonly RunLayout _layout = new("intro-3f9a0c12b7de");

    [Fact]
    public void Keys_ShouldFollowTheDesignLayout()
    {
        Assert.Equal("runs/intro-3f9a0c12b7de/plan.json", _layout.PlanKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/detections.jsonl", _layout.DetectionsKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/selection.json", _layout.SelectionKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/dataset/train.jsonl", _layout.TrainKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/dataset/items.jsonl", _layout.ItemsKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/dataset/report.html", _layout.ReportKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/history.jsonl", _layout.HistoryKey);
        Assert.Equal("runs/intro-3f9a0c12b7de/error.json", _layout.ErrorKey);
        Assert.StartsWith("runs/intro-3f9a0c12b7de/model/", _layout.CustomizationJobKey, StringComparison.Ordinal);
        Assert.StartsWith("runs/intro-3f9a0c12b7de/storyboard/", _layout.PanelKey(2, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void FrameKey_ShouldUseZeroPaddedMillisecondsSoKeyOrderIsTimeOrder()
    {
        Assert.Equal("runs/intro-3f9a0c12b7de/frames/seg-0003/000012345.jpg", _layout.FrameKey("seg-0003", 12.345));
        var keys = new[] { 9.9995, 0, 100.5, 10 }.Select(t => _layout.FrameKey("seg-0000", t)).ToList();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), new[] { keys[1], keys[3], keys[0], keys[2] });
    }

    [Fact]
    public void CropKey_ShouldNameCharacterTimeAndIndex()
    {
        Assert.Equal("runs/intro-3f9a0c12b7de/crops/Tux/000012000-1.png", _layout.CropKey("Tux", 12, 1));
    }

    [Fact]
    public void EveryKey_ShouldBeAValidObjectKey()
    {
        var keys = new[]
        {
            _layout.PlanKey, _layout.PlanHeaderKey, _layout.FrameKey("seg-0000", 0), _layout.SegmentDetectionsKey("seg-0001"),
            _layout.SegmentCropsKey("seg-0001"), _layout.CropKey("R2-D2", 3599.999, 0), _layout.ExportMetadataKey,
            _layout.ThroughputKey, _layout.StoryboardSheetKey, _layout.PanelKey(12, 4),
        };

        Assert.All(keys, k => Assert.True(ObjectKey.TryValidate(k, out var problem), problem));
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FrameKey_WhenTimeIsNotAValidFrameTime_ShouldThrow(double time)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _layout.FrameKey("seg-0000", time));
    }

    [Theory]
    [InlineData("seg-")]
    [InlineData("../seg-0001")]
    [InlineData("seg-00a1")]
    public void FrameKey_WhenSegmentIdIsMalformed_ShouldThrow(string segment)
    {
        Assert.Throws<ArgumentException>(() => _layout.FrameKey(segment, 1));
    }

    [Fact]
    public void CropKey_WhenCharacterNameIsUnsafe_ShouldThrow()
    {
        Assert.Throws<ArgumentException>(() => _layout.CropKey("../Tux", 1, 0));
    }

    [Fact]
    public void Constructor_WhenRunIdIsInvalid_ShouldThrowNamedException()
    {
        Assert.Throws<InvalidRunIdException>(() => new RunLayout("../etc"));
    }

    [Theory]
    [InlineData("runs/intro-1a2b/frames/seg-0000/000001000.jpg", true)]
    [InlineData("runs/intro-1a2b/frames/", true)]
    [InlineData("runs/intro-1a2b/frames-work/seg-0000/000001000.png", true)]
    [InlineData("runs/intro-1a2b/frames-index/seg-0000.json", false)]
    [InlineData("runs/intro-1a2b/crops/Dino/000001000-0.png", false)]
    [InlineData("runs/frames/x.jpg", false)]
    [InlineData("uploads/frames/x.jpg", false)]
    [InlineData("characters/Dino/frames/a.png", false)]
    public void IsFrameKey_WhenKeyIsUnderARunsFramesFolder_ShouldBeTrueOnlyThen(string key, bool expected) =>
        Assert.Equal(expected, RunLayout.IsFrameKey(key));
}
