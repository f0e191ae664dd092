using Storyboard.Core.Imaging;
using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Tests.Vision.Internal;

public class FramePyramidTests
{
    [Fact]
    public void Sample_WhenReusingAPatch_ShouldMatchAFreshPatchAndForgetTheEarlierWindow()
    {
        var random = new Random(5);
        var pixels = new byte[320 * 180 * 3];
        random.NextBytes(pixels);
        var pyramid = new FramePyramid(new RgbImage(320, 180, pixels), 24);
        var needed = Enumerable.Range(0, 30 * 42).Select(_ => random.NextDouble() < 0.7).ToArray();
        var reused = new Patch(30, 42);

        // First a window fully inside the frame, then one hanging over the left and top edges.
        pyramid.Sample(100, 50, 60, 84, reused, null);
        pyramid.Sample(-20, -30, 60, 84, reused, needed);
        var fresh = pyramid.Sample(-20, -30, 60, 84, 30, 42, needed);

        Assert.Equal(fresh.Valid, reused.Valid);
        Assert.Equal(fresh.ValidCount, reused.ValidCount);
        Assert.Contains(false, reused.Valid);
        for (var i = 0; i < fresh.Valid.Length; i++)
        {
            if (fresh.Valid[i])
            {
                Assert.Equal(fresh.Grey[i], reused.Grey[i]);
                Assert.Equal(fresh.Bin[i], reused.Bin[i]);
            }
        }
    }

    [Fact]
    public void Sample_WhenTheSameWindowIsSampledForAnotherMask_ShouldAddItsPixelsWithTheSameValues()
    {
        var random = new Random(9);
        var pixels = new byte[320 * 180 * 3];
        random.NextBytes(pixels);
        var pyramid = new FramePyramid(new RgbImage(320, 180, pixels), 24);
        var first = Enumerable.Range(0, 24 * 36).Select(_ => random.NextDouble() < 0.5).ToArray();
        var second = Enumerable.Range(0, 24 * 36).Select(_ => random.NextDouble() < 0.5).ToArray();
        var reused = new Patch(24, 36);

        pyramid.Sample(290, 10, 48, 72, reused, first);
        pyramid.Sample(290, 10, 48, 72, reused, second);
        var union = pyramid.Sample(290, 10, 48, 72, 24, 36, first.Zip(second, (a, b) => a || b).ToArray());

        Assert.Equal(union.Valid, reused.Valid);
        Assert.Equal(union.ValidCount, reused.ValidCount);
        for (var i = 0; i < union.Valid.Length; i++)
        {
            if (union.Valid[i])
            {
                Assert.Equal(union.Grey[i], reused.Grey[i]);
                Assert.Equal(union.Bin[i], reused.Bin[i]);
            }
        }
    }

    [Theory]
    [InlineData(100, 50, true)]
    [InlineData(-5, 50, false)]
    [InlineData(100, 120, false)]
    public void Sample_WhenTheWindowIsOrIsNotWhollyInsideTheFrame_ShouldSayWhetherEveryPixelIsValid(double x, double y, bool inside)
    {
        var random = new Random(2);
        var pixels = new byte[320 * 180 * 3];
        random.NextBytes(pixels);
        var pyramid = new FramePyramid(new RgbImage(320, 180, pixels), 24);

        var patch = pyramid.Sample(x, y, 60, 84, 30, 42);

        Assert.Equal(inside, patch.Inside);
        Assert.Equal(inside, patch.Valid.All(v => v));
    }
}
