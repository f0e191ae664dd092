namespace Storyboard.Asl.Internal;

/// <summary>One thread of control (the main path, a Parallel branch, a Map iteration): its last event id links the next event.</summary>
internal sealed class Flow(ExecutionRun run, long previousEventId)
{
    public ExecutionRun Run { get; } = run;

    public long Previous { get; set; } = previousEventId;

    /// <summary>The state running on this flow and its input, so a timed-out execution knows where to resume.</summary>
    public (string Name, Func<System.Text.Json.Nodes.JsonNode?> Input)? Current { get; set; }

    public long Record(string type, string? detailsName, Action<System.Text.Json.Utf8JsonWriter>? details)
    {
        var id = Run.History.Record(type, Previous, detailsName, details);
        if (id != 0)
        {
            Previous = id;
        }

        return id;
    }
}
