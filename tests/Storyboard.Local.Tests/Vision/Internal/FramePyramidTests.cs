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
}
