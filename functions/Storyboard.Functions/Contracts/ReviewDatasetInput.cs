namespace Storyboard.Functions.Contracts;

/// <summary>ReviewDataset's Payload: <c>{run, dataset, taskToken}</c> (<c>$$.Task.Token</c>).</summary>
public sealed record ReviewDatasetInput(RunContext Run, BuildDatasetOutput Dataset, string TaskToken);
