using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.History;

/// <summary>Reads a history JSONL file back, streaming line by line.</summary>
public static class ExecutionHistory
{
    public static async Task<IReadOnlyList<HistoryEvent>> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<HistoryEvent>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var events = new List<HistoryEvent>();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject obj)
            {
                continue;
            }

            events.Add(FromJson(obj));
        }

        return events;
    }

    /// <summary>One history line, as the recorder writes it.</summary>
    public static HistoryEvent FromJson(JsonObject line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var details = line.FirstOrDefault(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Value as JsonObject;
        return new HistoryEvent(
            line["id"]!.GetValue<long>(),
            line["previousEventId"]?.GetValue<long>() ?? 0,
            line["timestamp"]!.GetValue<DateTimeOffset>(),
            line["type"]!.GetValue<string>(),
            details)
        {
            ExecutionArn = line["executionArn"]?.GetValue<string>(),
        };
    }
}
