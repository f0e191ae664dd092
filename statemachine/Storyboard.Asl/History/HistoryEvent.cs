using System.Text.Json.Nodes;

namespace Storyboard.Asl.History;

/// <summary>One event as read back from a history file; <see cref="Details"/> is the <c>...EventDetails</c> object.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, JsonObject? Details)
{
    /// <summary>Set on the events of a Map Run child, whose histories share one file; null for the parent execution.</summary>
    public string? ExecutionArn { get; init; }
}
