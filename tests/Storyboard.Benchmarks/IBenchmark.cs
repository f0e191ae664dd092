namespace Storyboard.Benchmarks;

/// <summary>
/// One benchmark: it measures the product against a baseline in the same run and reports the
/// ratio, because absolute times on a shared 2-core machine mean little on their own.
/// </summary>
internal interface IBenchmark
{
    /// <summary>Short name used on the command line, e.g. "selection".</summary>
    string Name { get; }

    string Description { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken);
}
