using System.Text.Json.Nodes;

namespace Storyboard.Asl.History;

/// <summary>One event as read back from a history file; <see cref="Details"/> is the <c>...EventDetails</c> object.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, JsonObject? Details);
