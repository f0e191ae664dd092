using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Core.Models;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Model;
using Storyboard.Functions.Tests.Model;

namespace Storyboard.Functions.Tests.Handlers;

/// <summary>
/// The model states driven the way the workflow drives them: Payloads built as the ASL builds
/// them (<c>{run, dataset}</c>, <c>{run, job}</c> from <c>$.fineTuning.result</c>, ...), results read
/// by the property names the Choice states read.
/// </summary>
public sealed class ModelHandlersRoundTripTests
{
    [Fact]
    public async Task HandleAsync_ThroughTheWholeModelPath_ShouldLoopOnStatusAndEndReleased()
    {
        using var run = await ModelRun.CreateAsync();
        var services = run.Services(jobChecksInProgress: 1, throughputChecksCreating: 1);
        var runNode = JsonSerializer.SerializeToNode(run.Run(), FunctionsJsonContext.Default.RunContext)!;
        var datasetNode = JsonSerializer.SerializeToNode(run.Dataset(), FunctionsJsonContext.Default.BuildDatasetOutput)!;

        var fineTuning = await CallAsync(new StartFineTuningHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone(), ["dataset"] = datasetNode.DeepClone() });
        Assert.Equal("InProgress", fineTuning["status"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:bedrock:us-east-1:000000000000:model-customization-job/", fineTuning["jobArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("sb-" + ModelRun.RunId + "-ft", fineTuning["jobName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(fineTuning["message"]!.GetValue<string>()));

        var loops = 0;
        while (fineTuning["status"]!.GetValue<string>() is "InProgress" or "Stopping")
        {
            Assert.True(++loops < 5, "the job never completed");
            fineTuning = await CallAsync(new CheckFineTuningHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone(), ["job"] = fineTuning.DeepClone() });
        }

        Assert.Equal("Completed", fineTuning["status"]!.GetValue<string>());
        Assert.NotNull(fineTuning["customModelArn"]);

        var throughput = await CallAsync(new ProvisionThroughputHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone(), ["job"] = fineTuning.DeepClone() });
        Assert.Equal("Creating", throughput["status"]!.GetValue<string>());
        Assert.Equal("sb-" + ModelRun.RunId + "-pt", throughput["name"]!.GetValue<string>());
        while (throughput["status"]!.GetValue<string>() is "Creating" or "Updating")
        {
            Assert.True(++loops < 10, "the throughput never came into service");
            throughput = await CallAsync(new CheckThroughputHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone(), ["throughput"] = throughput.DeepClone() });
        }

        Assert.Equal("InService", throughput["status"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:bedrock:us-east-1:000000000000:provisioned-model/", throughput["provisionedModelArn"]!.GetValue<string>(), StringComparison.Ordinal);

        var storyboard = await CallAsync(new RenderStoryboardHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone(), ["throughput"] = throughput.DeepClone() });
        Assert.Equal(run.Layout.StoryboardSheetKey, storyboard["sheetKey"]!.GetValue<string>());
        Assert.Equal(3, storyboard["panels"]!.AsArray().Count);
        Assert.Equal(run.Layout.PanelKey(1, 1), storyboard["panels"]![0]!["key"]!.GetValue<string>());
        Assert.NotNull(storyboard["service"]);

        var released = await CallAsync(new ReleaseThroughputHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone() });
        Assert.True(released["released"]!.GetValue<bool>());
        Assert.Equal(throughput["provisionedModelArn"]!.GetValue<string>(), released["provisionedModelArn"]!.GetValue<string>());

        var again = await CallAsync(new ReleaseThroughputHandler(services).HandleAsync, new JsonObject { ["run"] = runNode.DeepClone() });
        Assert.False(again["released"]!.GetValue<bool>());
        Assert.Null(again["provisionedModelArn"]);
    }

    [Fact]
    public async Task ReviewDatasetHandler_ShouldWriteTheTokenTheCliFinds()
    {
        using var run = await ModelRun.CreateAsync();
        var payload = new JsonObject
        {
            ["run"] = JsonSerializer.SerializeToNode(run.Run(), FunctionsJsonContext.Default.RunContext),
            ["dataset"] = JsonSerializer.SerializeToNode(run.Dataset(), FunctionsJsonContext.Default.BuildDatasetOutput),
            ["taskToken"] = "AAAAKgAAAAIAAAAAAAAAAeVr",
        };

        var ack = await CallAsync(new ReviewDatasetHandler(run.Services()).HandleAsync, payload);

        Assert.Equal("AwaitingReview", ack["status"]!.GetValue<string>());
        Assert.Equal("AAAAKgAAAAIAAAAAAAAAAeVr", (await ReviewDecisions.FindAsync(run.Store, ModelRun.RunId)).TaskToken);
    }

    [Fact]
    public async Task StartFineTuningHandler_WhenTheBaseModelIsUnknown_ShouldThrowTheNamedError()
    {
        using var run = await ModelRun.CreateAsync();
        var payload = new JsonObject
        {
            ["run"] = JsonSerializer.SerializeToNode(run.Run("stability.sd3-large-v1:0"), FunctionsJsonContext.Default.RunContext),
            ["dataset"] = JsonSerializer.SerializeToNode(run.Dataset(), FunctionsJsonContext.Default.BuildDatasetOutput),
        };

        await Assert.ThrowsAsync<UnknownModelProfileException>(() => CallAsync(new StartFineTuningHandler(run.Services()).HandleAsync, payload));
    }

    [Fact]
    public async Task CheckFineTuningHandler_WhenThePayloadHasNoJob_ShouldThrowMissingStepInput()
    {
        using var run = await ModelRun.CreateAsync();
        var payload = new JsonObject { ["run"] = JsonSerializer.SerializeToNode(run.Run(), FunctionsJsonContext.Default.RunContext) };

        var error = await Assert.ThrowsAsync<MissingStepInputException>(() => CallAsync(new CheckFineTuningHandler(run.Services()).HandleAsync, payload));

        Assert.Contains("'job'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> CallAsync(Func<Stream, Task<Stream>> handle, JsonObject payload)
    {
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        await using var output = await handle(input);
        return JsonNode.Parse(output)!.AsObject();
    }
}
