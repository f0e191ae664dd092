using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Handlers;

namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>
/// Calls the handlers in the order statemachine/storyboard.asl.json runs them, passing each the
/// payload its Parameters build (Stream in, Stream out), with ProcessSegments batched by two like
/// the ItemBatcher. Stops at BuildDataset (the dataset path).
/// </summary>
internal sealed class Workflow(StoryboardServices services)
{
    public const int BatchSize = 2;

    public JsonObject? Run { get; private set; }

    public List<JsonObject> Children { get; } = [];

    public JsonObject? Selection { get; private set; }

    public List<JsonObject> Captions { get; } = [];

    public JsonObject? Dataset { get; private set; }

    public static async Task<JsonObject> InvokeAsync(Func<Stream, Task<Stream>> handler, JsonNode payload)
    {
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        await using var output = await handler(input);
        return (JsonObject)(await JsonNode.ParseAsync(output))!;
    }

    public async Task<JsonObject> PrepareAsync(JsonObject executionInput)
    {
        Run = await InvokeAsync(new PrepareRunHandler(services).HandleAsync, new JsonObject { ["input"] = executionInput, ["executionId"] = "arn:aws:states:local:execution:storyboard:test" });
        return Run;
    }

    public async Task RunDatasetPathAsync(JsonObject executionInput)
    {
        var run = await PrepareAsync(executionInput);
        await InvokeAsync(new PrepareCharactersHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone() });
        var plan = JsonNode.Parse(await Core.Storage.ObjectStoreExtensions.ReadTextAsync(services.Store, (string)run["segmentsKey"]!))!.AsArray();
        Children.Clear();
        for (var i = 0; i < plan.Count; i += BatchSize)
        {
            var items = new JsonArray(plan.Skip(i).Take(BatchSize).Select(s => s!.DeepClone()).ToArray());
            var frames = await InvokeAsync(new ExtractFramesHandler(services).HandleAsync, new JsonObject { ["Items"] = items, ["run"] = run.DeepClone() });
            var filtered = await InvokeAsync(new FilterFramesHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["frames"] = frames });
            var detections = await InvokeAsync(new DetectCharactersHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["frames"] = filtered });
            var crops = await InvokeAsync(new CropCharactersHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["detections"] = detections });
            Children.Add(await InvokeAsync(new EmbedCropsHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["crops"] = crops }));
        }

        var mapResult = new JsonObject
        {
            ["MapRunArn"] = "arn:aws:states:local:mapRun:storyboard/ProcessSegments:test",
            ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = (string)run["bucket"]!, ["Key"] = (string)run["runPrefix"]! + "map/manifest.json" },
        };
        Selection = await InvokeAsync(new SelectCropsHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["segments"] = mapResult });
        Captions.Clear();
        foreach (var batchKey in Selection["captionBatches"]!.AsArray())
        {
            Captions.Add(await InvokeAsync(new CaptionBatchHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone(), ["batchKey"] = (string)batchKey! }));
        }

        Dataset = await InvokeAsync(new BuildDatasetHandler(services).HandleAsync, new JsonObject { ["run"] = run.DeepClone() });
    }
}
