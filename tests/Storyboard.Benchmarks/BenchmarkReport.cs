namespace Storyboard.Benchmarks;

/// <param name="Figures">Named figures, in order, e.g. ("crops/s", "41,000").</param>
/// <param name="Goal">The goal in words and whether it was met.</param>
internal sealed record BenchmarkReport(string Name, IReadOnlyList<(string Label, string Value)> Figures, string Goal, bool GoalMet);
