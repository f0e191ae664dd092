using System.Text.Json.Nodes;

namespace Storyboard.Asl.Execution;

/// <summary>How an execution ended. <see cref="Output"/> on success; <see cref="Error"/> and <see cref="Cause"/> otherwise.</summary>
public sealed record ExecutionResult(
    string RunId,
    string ExecutionArn,
    ExecutionStatus Status,
    JsonNode? Output,
    string? Error,
    string? Cause,
    int RedriveCount,
    string? HistoryKey,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate)
{
    public bool Succeeded => Status == ExecutionStatus.Succeeded;
}
