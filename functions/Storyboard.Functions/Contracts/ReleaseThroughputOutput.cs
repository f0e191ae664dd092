namespace Storyboard.Functions.Contracts;

/// <summary>ReleaseThroughput's result (<c>$.released.result</c>).</summary>
/// <param name="Released">False when the run had no throughput to delete.</param>
public sealed record ReleaseThroughputOutput(bool Released, string? ProvisionedModelArn = null);
