namespace Storyboard.Functions.Contracts;

/// <summary>CheckThroughput's Payload: <c>{run, throughput}</c>.</summary>
public sealed record CheckThroughputInput(RunContext Run, ThroughputOutput Throughput);
