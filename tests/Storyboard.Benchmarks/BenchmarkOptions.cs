namespace Storyboard.Benchmarks;

/// <param name="Quick">Smaller inputs, for checking that a benchmark still runs; figures are not comparable.</param>
/// <param name="WorkDirectory">Scratch folder for generated media; removed afterwards.</param>
internal sealed record BenchmarkOptions(bool Quick, string WorkDirectory);
