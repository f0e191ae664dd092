using System.Globalization;
using System.Text.Json.Nodes;

namespace Storyboard.Asl.History;

/// <summary>Renders a history as a terminal timeline: id, time since start, event type, state, and a short detail.</summary>
public static class HistoryTimeline
{
    public static void Render(IReadOnlyList<HistoryEvent> events, TextWriter writer, int detailWidth = 100)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        if (events.Count == 0)
        {
            writer.WriteLine("(no events)");
            return;
        }

        var start = events[0].Timestamp;
        foreach (var e in events)
        {
            var elapsed = (e.Timestamp - start).TotalSeconds;
            var name = e.Details?["name"]?.GetValue<string>() ?? string.Empty;
            var indent = e.Type.EndsWith("Entered", StringComparison.Ordinal) || e.Type.EndsWith("Exited", StringComparison.Ordinal) ? string.Empty : "  ";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Id,6} {elapsed,10:+0.000}s  {indent}{e.Type,-26} {name,-28} {Summarize(e.Details, detailWidth)}").TrimEnd());
        }
    }

    private static string Summarize(JsonObject? details, int width)
    {
        if (details is null)
        {
            return string.Empty;
        }

        string? text = null;
        if (details["error"] is JsonNode error)
        {
            text = $"{error.GetValue<string>()}: {details["cause"]?.GetValue<string>()}";
        }
        else
        {
            foreach (var field in new[] { "output", "input", "resource", "mapRunArn", "length", "index", "redriveCount" })
            {
                if (details[field] is JsonNode value)
                {
                    text = $"{field}: {(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString())}";
                    if (field == "index" && details["name"] is null)
                    {
                        text = $"index {value}";
                    }

                    break;
                }
            }
        }

        if (text is null)
        {
            return string.Empty;
        }

        text = text.ReplaceLineEndings(" ");
        return text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
    }
}
