namespace Storyboard.Functions.Contracts;

/// <summary>RenderStoryboard's Payload: <c>{run, throughput}</c>, the throughput in service.</summary>
public sealed record RenderStoryboardInput(RunContext Run, ThroughputOutput Throughput);
