namespace Storyboard.Functions.Contracts;

/// <summary>CheckFineTuning's Payload: <c>{run, job}</c>.</summary>
public sealed record CheckFineTuningInput(RunContext Run, FineTuningJobOutput Job);
