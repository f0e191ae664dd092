using System.Diagnostics;
using System.Globalization;
using Storyboard.Core.Selection;

namespace Storyboard.Benchmarks;

/// <summary>
/// Near-duplicate selection at the scale of a long video: 20,000 crops of 4 characters with
/// 1024-dimensional embeddings (Titan Multimodal's default length), threshold 0.92.
/// </summary>
/// <remarks>
/// Vectors are synthetic and deterministic: per character, cluster centres drawn from a Gaussian,
/// each crop a centre plus Gaussian noise of a random strength, so pairs in a cluster fall on both
/// sides of 0.92 and pairs across clusters are near orthogonal, like embeddings of shots of a scene.
/// Baseline, in the same run: the plain approach (scalar loops, one thread, every pair, cosine
/// computed from raw vectors) over the first 1,000 crops of one character, extrapolated by pair
/// count to every pair within every character — the work a naive all-pairs de-duplication does.
/// CPU time is reported beside wall time because the machine may be shared: CPU time shows the
/// work done, wall time what a user waits.
/// </remarks>
internal sealed class SelectionBenchmark : IBenchmark
{
    private const int Dimensions = 1024;
    private const int Characters = 4;
    private const double Threshold = 0.92;

    public string Name => "selection";

    public string Description => "near-duplicate selection of 20,000 crops x 1024 dims, 4 characters, threshold 0.92";

    public Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Quick ? 2_000 : 20_000;
        var perCharacter = count / Characters;
        var candidates = MakeCandidates(count, seed: 20_000);

        // Warm up the JIT on a small slice so the measured run is steady-state code.
        CropSelector.Select(candidates.Take(400).ToList(), new SelectionOptions(Threshold));

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = CropSelector.Select(candidates, new SelectionOptions(Threshold));
        var selectionSeconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var selectionCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        var subset = candidates.Where(c => c.Characters[0] == "C0").Take(Math.Min(1_000, perCharacter)).Select(c => c.Embedding).ToArray();
        cpuBefore = process.TotalProcessorTime;
        stopwatch.Restart();
        var duplicatePairs = ScalarAllPairs(subset, Threshold);
        var baselineSeconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var baselineCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var subsetPairs = Pairs(subset.Length);
        var allPairs = Characters * Pairs(perCharacter);
        var extrapolatedSeconds = baselineSeconds * allPairs / subsetPairs;
        var ratio = extrapolatedSeconds / selectionSeconds;
        var cpuRatio = baselineCpuSeconds * allPairs / subsetPairs / selectionCpuSeconds;

        var nearDuplicates = result.Replacements.Count(r => r.Reason == ReplacementReason.NearDuplicate);
        var figures = new List<(string, string)>
        {
            ("crops x dims, characters", $"{count:N0} x {Dimensions}, {Characters}"),
            ("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("selection time (wall / CPU of all threads)", $"{selectionSeconds:F2} s / {selectionCpuSeconds:F2} s"),
            ("selection throughput", $"{count / selectionSeconds:N0} crops/s"),
            ("kept / near-duplicates dropped", $"{result.Kept.Count:N0} / {nearDuplicates:N0}"),
            ("baseline subset (scalar all-pairs, 1 thread)", $"{subset.Length:N0} crops, {subsetPairs:N0} pairs, {baselineSeconds:F2} s (CPU {baselineCpuSeconds:F2} s), {duplicatePairs:N0} pairs >= {Threshold}"),
            ("baseline extrapolated to all pairs", $"{allPairs:N0} pairs, {extrapolatedSeconds:F1} s"),
            ("speed-up vs baseline (wall / CPU)", $"{ratio:F1}x / {cpuRatio:F1}x"),
        };
        return Task.FromResult(new BenchmarkReport(Name, figures, $"20,000 crops selected in under 5 s (took {selectionSeconds:F2} s)", selectionSeconds < 5.0));
    }

    private static double Pairs(int n) => n * (n - 1) / 2.0;

    /// <summary>The naive pass: scalar loops, norms recomputed per pair, every pair visited.</summary>
    private static long ScalarAllPairs(float[][] vectors, double threshold)
    {
        long duplicates = 0;
        for (var i = 0; i < vectors.Length; i++)
        {
            var a = vectors[i];
            for (var j = i + 1; j < vectors.Length; j++)
            {
                var b = vectors[j];
                double dot = 0, na = 0, nb = 0;
                for (var d = 0; d < a.Length; d++)
                {
                    dot += a[d] * b[d];
                    na += a[d] * a[d];
                    nb += b[d] * b[d];
                }

                if (dot / Math.Sqrt(na * nb) >= threshold)
                {
                    duplicates++;
                }
            }
        }

        return duplicates;
    }

    private static List<SelectionCandidate> MakeCandidates(int count, int seed)
    {
        var random = new Random(seed);
        var perCharacter = count / Characters;
        var clustersPerCharacter = Math.Max(1, perCharacter / 4);
        var crops = new List<SelectionCandidate>(count);
        for (var c = 0; c < Characters; c++)
        {
            var name = "C" + c.ToString(CultureInfo.InvariantCulture);
            var centres = new float[clustersPerCharacter][];
            for (var k = 0; k < clustersPerCharacter; k++)
            {
                centres[k] = Gaussian(random, 1.0);
            }

            for (var i = 0; i < perCharacter; i++)
            {
                var centre = centres[random.Next(clustersPerCharacter)];
                var sigma = 0.15 + (random.NextDouble() * 0.35);
                var vector = Gaussian(random, sigma);
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] += centre[d];
                }

                crops.Add(new SelectionCandidate($"{name}/{i:000000}", [name], random.NextDouble(), vector));
            }
        }

        return crops;
    }

    private static float[] Gaussian(Random random, double sigma)
    {
        var values = new float[Dimensions];
        for (var d = 0; d < Dimensions; d += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = sigma * Math.Sqrt(-2 * Math.Log(u1));
            values[d] = (float)(radius * Math.Cos(2 * Math.PI * u2));
            values[d + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
        }

        return values;
    }
}
