using System.Text.Json;
using Storyboard.Core.Config;
using Storyboard.Core.Media;
using Storyboard.Core.Planning;

namespace Storyboard.Core.Tests.Planning;

public class SegmentPlannerTests
{
    private static VideoInfo Video(double seconds) => new(seconds, 25, 1920, 1080, "h264", 0);

    private static RunConfig Config(double fps = 1, int maxFrames = 3000, bool sceneAware = false, double segmentSeconds = 45) => new()
    {
        Characters = [new CharacterConfig { Name = "Tux" }],
        Sampling = new SamplingConfig { Fps = fps, MaxFrames = maxFrames, SceneAware = sceneAware },
        SegmentSeconds = segmentSeconds,
    };

    [Fact]
    public void Plan_WhenVideoShorterThanOneSegment_ShouldMakeOneSegment()
    {
        var plan = SegmentPlanner.Plan(Video(12.5), Config());

        var segment = Assert.Single(plan.Segments);
        Assert.Equal(("seg-0000", 0.0, 12.5, 13), (segment.Id, segment.StartSeconds, segment.EndSeconds, segment.ExpectedFrames));
    }

    [Fact]
    public void Plan_WhenTailIsShorterThanHalfASegment_ShouldMergeItIntoTheLastSegment()
    {
        var plan = SegmentPlanner.Plan(Video(100), Config());

        Assert.Equal([(0.0, 45.0), (45.0, 100.0)], plan.Segments.Select(s => (s.StartSeconds, s.EndSeconds)));
    }

    [Fact]
    public void Plan_WhenTailIsAtLeastHalfASegment_ShouldKeepItSeparate()
    {
        var plan = SegmentPlanner.Plan(Video(112.5), Config());

        Assert.Equal([(0.0, 45.0), (45.0, 90.0), (90.0, 112.5)], plan.Segments.Select(s => (s.StartSeconds, s.EndSeconds)));
    }

    [Fact]
    public void Plan_WhenDurationIsAnExactMultiple_ShouldMakeNoEmptySegment()
    {
        var plan = SegmentPlanner.Plan(Video(90), Config());

        Assert.Equal(2, plan.Segments.Count);
        Assert.Equal([45, 45], plan.Segments.Select(s => s.ExpectedFrames));
    }

    [Fact]
    public void Plan_ShouldCoverTheVideoWithoutGapsAndNumberSegmentsInOrder()
    {
        var plan = SegmentPlanner.Plan(Video(3599.96), Config(fps: 2, maxFrames: 10_000));

        Assert.Equal(0, plan.Segments[0].StartSeconds);
        Assert.Equal(3599.96, plan.Segments[^1].EndSeconds);
        for (var i = 0; i < plan.Segments.Count; i++)
        {
            Assert.Equal(i, plan.Segments[i].Index);
            Assert.Equal($"seg-{i:0000}", plan.Segments[i].Id);
            if (i > 0)
            {
                Assert.Equal(plan.Segments[i - 1].EndSeconds, plan.Segments[i].StartSeconds);
            }
        }

        Assert.Equal(80, plan.Segments.Count);
        Assert.Equal(7200, plan.Header.TotalExpectedFrames);
        Assert.Equal(plan.Header.TotalExpectedFrames, plan.Segments.Sum(s => s.ExpectedFrames));
    }

    [Fact]
    public void Plan_WhenRequestedRateExceedsTheFrameBudget_ShouldLowerTheRateEvenly()
    {
        var plan = SegmentPlanner.Plan(Video(600), Config(fps: 10, maxFrames: 1000));

        Assert.True(plan.Header.FpsReduced);
        Assert.Equal(10, plan.Header.RequestedFps);
        Assert.Equal(1000.0 / 600, plan.Header.EffectiveFps, 12);
        Assert.Equal(1000, plan.Header.TotalExpectedFrames);
        Assert.All(plan.Segments, s => Assert.Equal(plan.Header.EffectiveFps, s.Fps));
        // Even spread: every segment gets frames in proportion to its length, give or take a boundary tick.
        Assert.All(plan.Segments, s => Assert.InRange(s.ExpectedFrames, (s.DurationSeconds * s.Fps) - 1, (s.DurationSeconds * s.Fps) + 1));
    }

    [Fact]
    public void Plan_WhenWithinBudget_ShouldKeepTheRequestedRate()
    {
        var plan = SegmentPlanner.Plan(Video(60), Config(fps: 0.5));

        Assert.False(plan.Header.FpsReduced);
        Assert.Equal(30, plan.Header.TotalExpectedFrames);
        Assert.All(plan.Segments, s => Assert.Equal(s.ExpectedFrames, s.MaxFrames));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Plan_WhenReferenceFramesOnlyIsSet_ShouldCarryItIntoEverySegment(bool referenceFramesOnly)
    {
        var config = Config();
        config.Sampling.ReferenceFramesOnly = referenceFramesOnly;

        var plan = SegmentPlanner.Plan(Video(100), config);

        Assert.All(plan.Segments, s => Assert.Equal(referenceFramesOnly, s.ReferenceFramesOnly));
    }

    [Fact]
    public void Sampling_WhenNotConfigured_ShouldDecodeReferenceFramesOnly() =>
        Assert.True(new SamplingConfig().ReferenceFramesOnly);

    [Fact]
    public void Segment_WhenReadFromAPlanWrittenWithoutTheSetting_ShouldDecodeEveryFrame()
    {
        var json = """{"index":0,"id":"seg-0000","startSeconds":0,"endSeconds":45,"fps":1,"expectedFrames":45,"maxFrames":45,"sceneAware":false,"sceneThreshold":0.3}""";

        var segment = JsonSerializer.Deserialize(json, Storyboard.Core.Json.CoreJsonContext.Default.Segment)!;

        Assert.False(segment.ReferenceFramesOnly);
    }

    [Fact]
    public void Plan_WhenSceneAware_ShouldShareTheWholeBudgetByLength()
    {
        var plan = SegmentPlanner.Plan(Video(100), Config(fps: 1, maxFrames: 500, sceneAware: true));

        Assert.Equal(500, plan.Segments.Sum(s => s.MaxFrames));
        Assert.All(plan.Segments, s => Assert.True(s.MaxFrames >= s.ExpectedFrames));
        Assert.All(plan.Segments, s => Assert.True(s.SceneAware));
        Assert.True(plan.Segments[1].MaxFrames > plan.Segments[0].MaxFrames);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Plan_WhenDurationIsNotPositive_ShouldThrow(double seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentPlanner.Plan(Video(seconds), Config()));
    }

    [Fact]
    public void Plan_WhenVeryShortVideo_ShouldStillTakeTheFirstFrame()
    {
        var plan = SegmentPlanner.Plan(Video(0.04), Config(fps: 1));

        Assert.Equal(1, Assert.Single(plan.Segments).ExpectedFrames);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(1.0000001, 1, 2)]
    [InlineData(45, 1, 45)]
    [InlineData(0.3, 10, 3)]
    public void Ticks_ShouldCountTicksStrictlyBeforeTheTime(double time, double fps, int expected)
    {
        Assert.Equal(expected, SegmentPlanner.Ticks(time, fps));
    }

    [Fact]
    public async Task WriteSegmentsAsync_ShouldWriteABareArrayTheMapCanRead()
    {
        var plan = SegmentPlanner.Plan(Video(100), Config());
        using var stream = new MemoryStream();

        await SegmentPlanSerializer.WriteSegmentsAsync(stream, plan);

        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var first = document.RootElement[0];
        Assert.Equal("seg-0000", first.GetProperty("id").GetString());
        Assert.Equal(45, first.GetProperty("endSeconds").GetDouble());
        Assert.False(first.TryGetProperty("durationSeconds", out _));
        stream.Position = 0;
        Assert.Equal(plan.Segments, await SegmentPlanSerializer.ReadSegmentsAsync(stream));
    }

    [Fact]
    public async Task WriteHeaderAsync_ShouldRoundTrip()
    {
        var plan = SegmentPlanner.Plan(Video(100), Config());
        using var stream = new MemoryStream();

        await SegmentPlanSerializer.WriteHeaderAsync(stream, plan);
        stream.Position = 0;

        Assert.Equal(plan.Header, await SegmentPlanSerializer.ReadHeaderAsync(stream));
    }
}
