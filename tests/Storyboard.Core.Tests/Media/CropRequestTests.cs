using Storyboard.Core.Cropping;
using Storyboard.Core.Media;

namespace Storyboard.Core.Tests.Media;

public sealed class CropRequestTests
{
    [Fact]
    public void Constructor_WhenThePlannedRectangleHasAnArea_ShouldCarryItUnchanged()
    {
        var plan = new CropPlan(new PixelRect(10, 20, 300, 400), 512, 682, 1.7);

        var request = new CropRequest(plan.Source, plan.OutputWidth, plan.OutputHeight, "/tmp/a.png");

        Assert.Equal(new PixelRect(10, 20, 300, 400), request.Source);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(-5, 10)]
    public void Constructor_WhenTheRectangleIsEmpty_ShouldRefuseIt(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CropRequest(new PixelRect(0, 0, width, height), 10, 10, "/tmp/a.png"));
    }
}
