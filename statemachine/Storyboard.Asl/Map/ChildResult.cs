using System.Text.Json.Nodes;

namespace Storyboard.Asl.Map;

/// <param name="Status">SUCCEEDED, FAILED, or PENDING (aborted or never finished).</param>
internal sealed record ChildResult(
    string ExecutionArn,
    string Name,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate,
    string Status,
    byte[] InputBytes,
    JsonNode? Output,
    byte[]? OutputBytes,
    string? Error,
    string? Cause,
    string StateMachineArn);
