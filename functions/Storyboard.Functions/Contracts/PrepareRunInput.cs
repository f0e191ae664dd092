namespace Storyboard.Functions.Contracts;

/// <summary>PrepareRun's payload: <c>{input: $, executionId: $$.Execution.Id}</c>.</summary>
public sealed record PrepareRunInput(ExecutionInput? Input, string? ExecutionId);
