namespace Storyboard.Functions.Reports;

/// <summary>Time a run spent in one state, summed over every visit (polling loops, Map iterations).</summary>
public sealed record StateTiming(string State, DateTimeOffset First, DateTimeOffset Last, TimeSpan Total, int Visits);
