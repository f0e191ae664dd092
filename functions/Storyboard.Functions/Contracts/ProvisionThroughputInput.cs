namespace Storyboard.Functions.Contracts;

/// <summary>ProvisionThroughput's Payload: <c>{run, job}</c>, the completed job.</summary>
public sealed record ProvisionThroughputInput(RunContext Run, FineTuningJobOutput Job);
