using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Core.Storage;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Handlers;

public sealed class RecordFailureHandlerTests : IDisposable
{
    private readonly RunFolder folder = new();

    [Fact]
    public async Task HandleAsync_WhenARunFailed_ShouldWriteErrorJsonInTheFolderPrepareRunNamed()
    {
        await folder.Store.WriteTextAsync("uploads/clip.mp4", "video bytes");
        await folder.Store.WriteTextAsync("characters/Dino/dino.png", "png");
        var input = new JsonObject { ["key"] = "uploads/clip.mp4", ["etag"] = "abc123" };
        var runId = await new Storyboard.Functions.Steps.PrepareRunStep(folder.Services)
            .DeriveRunIdAsync(input.Deserialize(FunctionsJsonContext.Default.ExecutionInput)!, CancellationToken.None);

        var output = await Workflow.InvokeAsync(new RecordFailureHandler(folder.Services).HandleAsync, StatusChange(input, "NotEnoughCropsException", "Only 2 usable crop(s)", "BuildDataset"));

        Assert.Equal($"runs/{runId}/error.json", (string)output["errorKey"]!);
        var error = JsonNode.Parse(await folder.Store.ReadTextAsync($"runs/{runId}/error.json"))!;
        Assert.Equal("NotEnoughCropsException", (string)error["error"]!);
        Assert.Equal("Only 2 usable crop(s)", (string)error["cause"]!);
        Assert.Equal("BuildDataset", (string)error["state"]!);
        Assert.Equal(FixedClock.Now, (DateTimeOffset)error["time"]!);
    }

    [Fact]
    public async Task HandleAsync_WhenTheInputNamesNoVideo_ShouldWriteUnderFailedNamedAfterTheKey()
    {
        var output = await Workflow.InvokeAsync(new RecordFailureHandler(folder.Services).HandleAsync, StatusChange(new JsonObject { ["key"] = "uploads/My Clip.mp4" }, "ObjectNotFoundException", "not there", null));

        var key = (string)output["errorKey"]!;
        Assert.StartsWith("runs/_failed/my-clip-mp4-", key, StringComparison.Ordinal);
        Assert.Equal("ObjectNotFoundException", (string)JsonNode.Parse(await folder.Store.ReadTextAsync(key))!["error"]!);
    }

    [Fact]
    public async Task HandleAsync_WhenTheInputIsNotJson_ShouldStillRecordAnUnknownError()
    {
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes("not json"));

        await using var output = await new RecordFailureHandler(folder.Services).HandleAsync(input);

        var key = (string)JsonNode.Parse(output)!["errorKey"]!;
        Assert.Equal("UnknownError", (string)JsonNode.Parse(await folder.Store.ReadTextAsync(key))!["error"]!);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The "Step Functions Execution Status Change" event EventBridge sends for a failed run.</summary>
    private static JsonObject StatusChange(JsonObject input, string error, string cause, string? failedState)
    {
        var notification = new JsonObject
        {
            ["detail-type"] = "Step Functions Execution Status Change",
            ["detail"] = new JsonObject { ["name"] = "exec-1", ["status"] = "FAILED", ["input"] = input.ToJsonString(), ["error"] = error, ["cause"] = cause },
        };
        if (failedState is not null)
        {
            notification["failedState"] = failedState;
        }

        return notification;
    }
}
