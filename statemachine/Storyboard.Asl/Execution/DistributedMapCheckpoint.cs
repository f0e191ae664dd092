using System.Globalization;
using System.Text.Json.Nodes;

namespace Storyboard.Asl.Execution;

/// <summary>
/// What a Map Run had finished when it failed: the child executions that succeeded (as index ranges,
/// so 100,000 children cost a few numbers), the SUCCEEDED result files already written, and — without a
/// ResultWriter — the succeeded outputs themselves (they fit in a state output, so they are small).
/// </summary>
internal sealed class DistributedMapCheckpoint
{
    public required string MapRunId { get; init; }

    public int RedriveCount { get; set; }

    public List<(long From, long To)> SucceededChildren { get; init; } = [];

    public List<(string Key, long Size)> SucceededFiles { get; init; } = [];

    public Dictionary<long, JsonNode?> SucceededOutputs { get; init; } = [];

    public bool Succeeded(long index) => SucceededChildren.Any(r => index >= r.From && index <= r.To);

    public static List<(long From, long To)> ToRanges(IEnumerable<long> indexes)
    {
        var ranges = new List<(long, long)>();
        foreach (var i in indexes.Order())
        {
            if (ranges.Count > 0 && ranges[^1].Item2 + 1 == i)
            {
                ranges[^1] = (ranges[^1].Item1, i);
            }
            else if (ranges.Count == 0 || ranges[^1].Item2 < i)
            {
                ranges.Add((i, i));
            }
        }

        return ranges;
    }

    public JsonObject ToJson()
    {
        var outputs = new JsonObject();
        foreach (var (index, output) in SucceededOutputs.OrderBy(p => p.Key))
        {
            outputs[index.ToString(CultureInfo.InvariantCulture)] = output?.DeepClone();
        }

        return new JsonObject
        {
            ["mapRunId"] = MapRunId,
            ["redriveCount"] = RedriveCount,
            ["succeededChildren"] = new JsonArray(SucceededChildren.Select(r => (JsonNode?)new JsonArray(r.From, r.To)).ToArray()),
            ["succeededFiles"] = new JsonArray(SucceededFiles.Select(f => (JsonNode?)new JsonObject { ["Key"] = f.Key, ["Size"] = f.Size }).ToArray()),
            ["succeededOutputs"] = outputs,
        };
    }

    public static DistributedMapCheckpoint FromJson(JsonObject obj) => new()
    {
        MapRunId = obj["mapRunId"]!.GetValue<string>(),
        RedriveCount = obj["redriveCount"]?.GetValue<int>() ?? 0,
        SucceededChildren = (obj["succeededChildren"] as JsonArray ?? []).Select(r => (r![0]!.GetValue<long>(), r[1]!.GetValue<long>())).ToList(),
        SucceededFiles = (obj["succeededFiles"] as JsonArray ?? []).Select(f => (f!["Key"]!.GetValue<string>(), f["Size"]!.GetValue<long>())).ToList(),
        SucceededOutputs = (obj["succeededOutputs"] as JsonObject ?? []).ToDictionary(p => long.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value?.DeepClone()),
    };
}
