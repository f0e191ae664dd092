using System.Globalization;
using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Execution;

/// <summary>
/// What is persisted next to the run (execution.json) so another process can describe or redrive the
/// execution: the definition text as run, the original input, the outcome and where to resume.
/// </summary>
public sealed record ExecutionRecord
{
    public required string RunId { get; init; }

    public required string ExecutionArn { get; init; }

    public required string StateMachineName { get; init; }

    public required string Definition { get; init; }

    public required string Input { get; init; }

    public ExecutionStatus Status { get; init; }

    public DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public int RedriveCount { get; init; }

    public long LastEventId { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    internal RedrivePoint? RedrivePoint { get; init; }

    public string ToJson()
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in Metadata)
        {
            metadata[key] = value;
        }

        var obj = new JsonObject
        {
            ["runId"] = RunId,
            ["executionArn"] = ExecutionArn,
            ["stateMachineName"] = StateMachineName,
            ["status"] = StatusName(Status),
            ["startDate"] = StartDate.ToString("O", CultureInfo.InvariantCulture),
            ["stopDate"] = StopDate?.ToString("O", CultureInfo.InvariantCulture),
            ["input"] = Input,
            ["output"] = Output,
            ["error"] = Error,
            ["cause"] = Cause,
            ["redriveCount"] = RedriveCount,
            ["lastEventId"] = LastEventId,
            ["metadata"] = metadata,
            ["redrivePoint"] = RedrivePoint?.ToJson(),
            ["definition"] = Definition,
        };
        return obj.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = JsonNodes.Compact.Encoder });
    }

    public static ExecutionRecord FromJson(string json)
    {
        var obj = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The execution record is not a JSON object.");
        string? Str(string name) => obj[name]?.GetValue<string>();
        return new ExecutionRecord
        {
            RunId = Str("runId")!,
            ExecutionArn = Str("executionArn")!,
            StateMachineName = Str("stateMachineName")!,
            Definition = Str("definition")!,
            Input = Str("input")!,
            Status = ParseStatus(Str("status")!),
            StartDate = DateTimeOffset.Parse(Str("startDate")!, CultureInfo.InvariantCulture),
            StopDate = Str("stopDate") is { } stop ? DateTimeOffset.Parse(stop, CultureInfo.InvariantCulture) : null,
            Output = Str("output"),
            Error = Str("error"),
            Cause = Str("cause"),
            RedriveCount = obj["redriveCount"]?.GetValue<int>() ?? 0,
            LastEventId = obj["lastEventId"]?.GetValue<long>() ?? 0,
            Metadata = (obj["metadata"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? string.Empty),
            RedrivePoint = obj["redrivePoint"] is JsonObject point ? RedrivePoint.FromJson(point) : null,
        };
    }

    public static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };

    private static ExecutionStatus ParseStatus(string text) => text switch
    {
        "RUNNING" => ExecutionStatus.Running,
        "SUCCEEDED" => ExecutionStatus.Succeeded,
        "FAILED" => ExecutionStatus.Failed,
        "TIMED_OUT" => ExecutionStatus.TimedOut,
        _ => ExecutionStatus.Aborted,
    };
}
