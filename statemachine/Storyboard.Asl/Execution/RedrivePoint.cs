using System.Text.Json.Nodes;

namespace Storyboard.Asl.Execution;

/// <summary>
/// Where a failed run resumes: the state that did not succeed and the input it received, plus, for
/// Parallel and Map, what already succeeded inside it so a redrive reruns only the rest.
/// </summary>
internal sealed class RedrivePoint
{
    public required string StateName { get; init; }

    public JsonNode? StateInput { get; init; }

    /// <summary>Parallel: per branch, the output of a branch that succeeded or where a failed branch resumes.</summary>
    public Dictionary<int, JsonNode?> SucceededBranches { get; init; } = [];

    public Dictionary<int, RedrivePoint> FailedBranches { get; init; } = [];

    /// <summary>Inline Map: outputs of iterations that succeeded; where failed ones resume.</summary>
    public Dictionary<int, JsonNode?> SucceededIterations { get; init; } = [];

    public Dictionary<int, RedrivePoint> FailedIterations { get; init; } = [];

    /// <summary>Distributed Map: the Map Run continued by a redrive.</summary>
    public DistributedMapCheckpoint? MapRun { get; set; }

    public JsonObject ToJson()
    {
        var obj = new JsonObject
        {
            ["stateName"] = StateName,
            ["stateInput"] = StateInput?.DeepClone(),
        };
        if (SucceededBranches.Count > 0 || FailedBranches.Count > 0)
        {
            obj["succeededBranches"] = Outputs(SucceededBranches);
            obj["failedBranches"] = Points(FailedBranches);
        }

        if (SucceededIterations.Count > 0 || FailedIterations.Count > 0)
        {
            obj["succeededIterations"] = Outputs(SucceededIterations);
            obj["failedIterations"] = Points(FailedIterations);
        }

        if (MapRun is not null)
        {
            obj["mapRun"] = MapRun.ToJson();
        }

        return obj;
    }

    public static RedrivePoint FromJson(JsonObject obj)
    {
        var point = new RedrivePoint
        {
            StateName = obj["stateName"]!.GetValue<string>(),
            StateInput = obj["stateInput"]?.DeepClone(),
            MapRun = obj["mapRun"] is JsonObject m ? DistributedMapCheckpoint.FromJson(m) : null,
        };
        ReadOutputs(obj["succeededBranches"], point.SucceededBranches);
        ReadPoints(obj["failedBranches"], point.FailedBranches);
        ReadOutputs(obj["succeededIterations"], point.SucceededIterations);
        ReadPoints(obj["failedIterations"], point.FailedIterations);
        return point;
    }

    private static JsonObject Outputs(Dictionary<int, JsonNode?> outputs)
    {
        var obj = new JsonObject();
        foreach (var (index, output) in outputs.OrderBy(p => p.Key))
        {
            obj[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = output?.DeepClone();
        }

        return obj;
    }

    private static JsonObject Points(Dictionary<int, RedrivePoint> points)
    {
        var obj = new JsonObject();
        foreach (var (index, point) in points.OrderBy(p => p.Key))
        {
            obj[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = point.ToJson();
        }

        return obj;
    }

    private static void ReadOutputs(JsonNode? node, Dictionary<int, JsonNode?> into)
    {
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            into[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value?.DeepClone();
        }
    }

    private static void ReadPoints(JsonNode? node, Dictionary<int, RedrivePoint> into)
    {
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            into[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = FromJson((JsonObject)value!);
        }
    }
}
