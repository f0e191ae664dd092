namespace Storyboard.Functions.Contracts;

/// <summary>ReleaseThroughput's Payload: <c>{run}</c> only, since it also runs on the failure path.</summary>
public sealed record ReleaseThroughputInput(RunContext Run);
