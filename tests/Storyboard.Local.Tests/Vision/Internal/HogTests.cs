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

    [Fact]
    public void Compute_WhenTheWindowIsInsideTheFrame_ShouldEqualTheScalarPassBitForBit()
    {
        var patch = NoisePatch(36, 48, seed: 3);
        patch.Inside = true;
        var cells = Enumerable.Range(0, 6 * 8).ToArray();
        var scalar = Hog.Compute(patch.Grey, patch.Valid, 36, 48);

        var fast = Hog.Compute(patch, cells);

        Assert.Equal(scalar.Select(BitConverter.SingleToInt32Bits), fast.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Compute_WhenAnotherTemplateAsksAtTheSameWindow_ShouldKeepTheCellsAlreadyComputedUntilTheWindowChanges()
    {
        var patch = NoisePatch(24, 24, seed: 11);

        var scalar = Hog.Compute(patch.Grey, patch.Valid, 24, 24);
        Hog.Compute(patch, [0, 1, 2, 5]);

        // A current cell is not histogrammed again: a marker left in it survives.
        patch.Hog[5 * Hog.Bins] = -1f;
        var second = Hog.Compute(patch, [5, 6, 9]);
        Assert.Equal(-1f, second[5 * Hog.Bins]);
        foreach (var c in new[] { 6, 9 })
        {
            Assert.Equal(scalar.AsSpan(c * Hog.Bins, Hog.Bins).ToArray(), second.AsSpan(c * Hog.Bins, Hog.Bins).ToArray());
        }

        // A new window starts afresh.
        patch.Forget();
        patch.Valid.AsSpan().Fill(true);
        var third = Hog.Compute(patch, [5]);
        Assert.Equal(scalar.AsSpan(5 * Hog.Bins, Hog.Bins).ToArray(), third.AsSpan(5 * Hog.Bins, Hog.Bins).ToArray());
    }

    /// <summary>Random luminance, every pixel sampled.</summary>
    private static Patch NoisePatch(int width, int height, int seed)
    {
        var random = new Random(seed);
        var patch = new Patch(width, height);
        for (var i = 0; i < patch.Grey.Length; i++)
        {
            patch.Grey[i] = (float)(random.NextDouble() * 255);
            patch.Valid[i] = true;
        }

        return patch;
    }
}
