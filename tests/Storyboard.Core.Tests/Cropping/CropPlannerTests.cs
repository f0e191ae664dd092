using Storyboard.Core.Cropping;
using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Cropping;

public class CropPlannerTests
{
    private static readonly DatasetLimits Limits = ModelProfiles.NovaCanvas.Dataset;
    private static readonly CropPolicy Policy = new(PaddingRatio: 0.15, MinSourceSide: 96, OutputMinSide: 512, OutputMaxSide: 1024);

    private static CropPlan Accepted(CropResult result) => Assert.IsType<CropPlan>(result);

    [Fact]
    public void Plan_WhenBoxIsInsideTheFrame_ShouldPadAndUpscaleToTheMinimumSide()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0.4, 0.3, 0.2, 0.4), 1920, 1080, Policy, Limits));

        Assert.Equal(new PixelRect(710, 259, 500, 562), plan.Source);
        Assert.Equal((512, 576), (plan.OutputWidth, plan.OutputHeight));
        Assert.Equal(1.024, plan.Scale, 6);
        Assert.True(plan.IsUpscaled);
    }

    [Fact]
    public void Plan_WhenCropIsLarge_ShouldScaleTheLongSideDownToOutputMaxSide()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0, 0, 1, 1), 4000, 3000, Policy with { PaddingRatio = 0 }, Limits));

        Assert.Equal(new PixelRect(0, 0, 4000, 3000), plan.Source);
        Assert.Equal((1024, 768), (plan.OutputWidth, plan.OutputHeight));
        Assert.False(plan.IsUpscaled);
    }

    [Fact]
    public void Plan_WhenBoxIsTooWide_ShouldGrowItsHeightInsideTheFrame()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0, 0.5, 1, 0.1), 1920, 1080, Policy with { PaddingRatio = 0 }, Limits));

        Assert.Equal(new PixelRect(0, 354, 1920, 480), plan.Source);
    }

    [Fact]
    public void Plan_WhenGrowingWouldLeaveTheFrame_ShouldSlideBackInside()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0, 0, 1, 0.05), 1920, 1080, Policy with { PaddingRatio = 0 }, Limits));

        Assert.Equal(new PixelRect(0, 0, 1920, 480), plan.Source);
    }

    [Fact]
    public void Plan_WhenFrameItselfIsTooWide_ShouldTrimAroundTheBoxCentre()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0, 0, 1, 1), 4000, 200, Policy with { PaddingRatio = 0 }, Limits));

        Assert.Equal(new PixelRect(1600, 0, 800, 200), plan.Source);
        Assert.Equal((2048, 512), (plan.OutputWidth, plan.OutputHeight));
    }

    [Fact]
    public void Plan_WhenBoxIsTooTall_ShouldGrowItsWidth()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0.5, 0, 0.01, 1), 1000, 1000, Policy with { PaddingRatio = 0 }, Limits));

        Assert.Equal(1000, plan.Source.Height);
        Assert.Equal(250, plan.Source.Width);
        Assert.InRange(plan.Source.X, 375, 380);
    }

    [Fact]
    public void Plan_WhenBoxCrossesTheEdge_ShouldClampToTheFrame()
    {
        var plan = Accepted(CropPlanner.Plan(new BoundingBox(-0.2, -0.1, 0.5, 0.6), 1000, 1000, Policy, Limits));

        Assert.Equal(0, plan.Source.X);
        Assert.Equal(0, plan.Source.Y);
        Assert.True(plan.Source.Right <= 1000 && plan.Source.Bottom <= 1000);
    }

    [Theory]
    [InlineData(1.2, 0.1, 0.2, 0.2)]
    [InlineData(-0.5, 0.1, 0.3, 0.2)]
    [InlineData(0.1, 1.0, 0.2, 0.2)]
    [InlineData(0.1, -2, 0.2, 1)]
    public void Plan_WhenBoxIsEntirelyOutsideTheFrame_ShouldRejectSayingSo(double left, double top, double width, double height)
    {
        var rejection = Assert.IsType<CropRejection>(CropPlanner.Plan(new BoundingBox(left, top, width, height), 1000, 1000, Policy, Limits));

        Assert.Contains("outside the frame", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WhenSourceCropIsBelowTheMinimum_ShouldRejectNamingTheSetting()
    {
        var rejection = Assert.IsType<CropRejection>(CropPlanner.Plan(new BoundingBox(0.5, 0.5, 0.02, 0.02), 1920, 1080, Policy, Limits));

        Assert.Contains("crop.minSourceSide", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("96", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WhenFrameIsTiny_ShouldReject()
    {
        Assert.IsType<CropRejection>(CropPlanner.Plan(new BoundingBox(0, 0, 1, 1), 64, 48, Policy, Limits));
    }

    [Theory]
    [InlineData(double.NaN, 0, 0.5, 0.5)]
    [InlineData(0, double.PositiveInfinity, 0.5, 0.5)]
    [InlineData(0, 0, 0, 0.5)]
    [InlineData(0, 0, 0.5, -0.5)]
    [InlineData(-1e308, 0, 1e308, 0.5)]
    public void Plan_WhenBoxIsDegenerate_ShouldRejectWithoutThrowing(double left, double top, double width, double height)
    {
        var result = CropPlanner.Plan(new BoundingBox(left, top, width, height), 1000, 1000, Policy, Limits);

        Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<CropRejection>(result).Reason));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, -1)]
    public void Plan_WhenFrameHasNoArea_ShouldReject(int width, int height)
    {
        Assert.IsType<CropRejection>(CropPlanner.Plan(new BoundingBox(0, 0, 1, 1), width, height, Policy, Limits));
    }

    [Fact]
    public void Plan_WhenOutputMinSideWouldBreakTheModelMaximum_ShouldHonourTheModelLimits()
    {
        var policy = Policy with { PaddingRatio = 0, OutputMinSide = 4096, OutputMaxSide = 4096 };

        var plan = Accepted(CropPlanner.Plan(new BoundingBox(0, 0, 1, 1), 2000, 1000, policy, Limits));

        Assert.Equal((4096, 2048), (plan.OutputWidth, plan.OutputHeight));
    }

    [Fact]
    public void ToFfmpegFilter_ShouldCropThenScale()
    {
        var plan = new CropPlan(new PixelRect(10, 20, 300, 400), 512, 682, 1.7);

        Assert.Equal("crop=300:400:10:20,scale=512:682:flags=bicubic", plan.ToFfmpegFilter());
    }

    [Theory]
    [InlineData(512, 512, null)]
    [InlineData(2048, 512, null)]
    [InlineData(2050, 512, "aspect")]
    [InlineData(510, 1024, "each side")]
    [InlineData(4096, 4096, "pixels")]
    public void OutputProblem_ShouldNameTheBrokenLimit(int width, int height, string? expected)
    {
        var problem = CropPlanner.OutputProblem(width, height, Limits);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
