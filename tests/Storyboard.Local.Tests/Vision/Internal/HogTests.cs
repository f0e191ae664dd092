using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Tests.Vision.Internal;

public class HogTests
{
    [Theory]
    [InlineData(48, 48, 0.0)]
    [InlineData(36, 66, 0.2)]
    [InlineData(60, 30, 0.5)]
    [InlineData(12, 12, 0.1)]
    public void Compute_WhenGivenAPatchWithGaps_ShouldEqualTheScalarPassBitForBit(int width, int height, double holes)
    {
        var random = new Random(width * 1000 + height);
        var patch = new Patch(width, height);
        for (var i = 0; i < width * height; i++)
        {
            // Steps, ramps and flat runs: every orientation, zero gradients and exact ties between |gx| and |gy|.
            patch.Grey[i] = random.Next(4) switch
            {
                0 => random.Next(256),
                1 => (i % width) * 3.5f,
                2 => 128,
                _ => (float)(random.NextDouble() * 255),
            };
            patch.Valid[i] = random.NextDouble() >= holes;
        }

        var cells = Enumerable.Range(0, (width / Hog.Cell) * (height / Hog.Cell)).Where(_ => random.NextDouble() < 0.8).ToArray();
        var scalar = Hog.Compute(patch.Grey, patch.Valid, width, height);

        // Stale values from an earlier window must not leak into the cells computed now.
        Array.Fill(patch.Hog, 7f);
        var fast = Hog.Compute(patch, cells);

        foreach (var c in cells)
        {
            for (var k = 0; k < Hog.Bins; k++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(scalar[(c * Hog.Bins) + k]), BitConverter.SingleToInt32Bits(fast[(c * Hog.Bins) + k]));
            }
        }
    }
}
