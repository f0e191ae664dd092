namespace Storyboard.Functions.Contracts;

/// <summary>StartFineTuning's Payload: <c>{run, dataset}</c>.</summary>
public sealed record StartFineTuningInput(RunContext Run, BuildDatasetOutput Dataset);
