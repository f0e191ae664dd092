using System.Diagnostics;
using System.Globalization;

namespace Storyboard.Benchmarks;

/// <summary>Small measuring helpers the per-call benchmarks share.</summary>
internal static class Timing
{
    /// <summary>The median wall time of <paramref name="runs"/> calls, in seconds (robust to a stray GC or a busy neighbour).</summary>
    public static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    public static string Ms(double seconds) => (seconds * 1000).ToString("F1", CultureInfo.InvariantCulture);
}
