using Storyboard.Core.Selection;

namespace Storyboard.Core.Tests.Selection;

/// <summary>Clustered random embeddings: cluster centres plus per-crop noise, so some pairs fall above 0.92 and most do not.</summary>
internal static class SyntheticCrops
{
    public static List<SelectionCandidate> Make(int count, int dimensions, int clusters, int seed, int characters = 2)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Gaussian(random, dimensions, 1.0)).ToArray();
        var crops = new List<SelectionCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var centre = centres[random.Next(clusters)];
            var sigma = 0.15 + (random.NextDouble() * 0.3);
            var noise = Gaussian(random, dimensions, sigma);
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = centre[d] + noise[d];
            }

            var character = "C" + (i % characters).ToString(System.Globalization.CultureInfo.InvariantCulture);
            crops.Add(new SelectionCandidate($"crop-{i:00000}", [character], Math.Round(random.NextDouble(), 2), vector));
        }

        return crops;
    }

    private static float[] Gaussian(Random random, int dimensions, double sigma)
    {
        var values = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[d] = (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }
}
