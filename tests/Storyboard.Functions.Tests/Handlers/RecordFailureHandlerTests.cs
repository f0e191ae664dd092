using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Core.Storage;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Handlers;

public sealed class RecordFailureHandlerTests : IDisposable
{
    private readonly RunFolder folder = new();

    [Fact]
    public async Task HandleAsync_WhenTheStateHasARun_ShouldWriteErrorJsonInTheRunFolder()
    {
        var state = new JsonObject
        {
            ["run"] = new JsonObject { ["runId"] = "clip-0123456789ab" },
            ["characters"] = new JsonObject(),
            ["error"] = new JsonObject { ["Error"] = "NotEnoughCropsException", ["Cause"] = "Only 2 usable crop(s)" },
        };

        var output = await Workflow.InvokeAsync(new RecordFailureHandler(folder.Services).HandleAsync, state);

        Assert.Equal("runs/clip-0123456789ab/error.json", (string)output["errorKey"]!);
        var error = JsonNode.Parse(await folder.Store.ReadTextAsync("runs/clip-0123456789ab/error.json"))!;
        Assert.Equal("NotEnoughCropsException", (string)error["error"]!);
        Assert.Equal("Only 2 usable crop(s)", (string)error["cause"]!);
        Assert.Equal("ProcessSegments", (string)error["state"]!);
        Assert.Equal(FixedClock.Now, (DateTimeOffset)error["time"]!);
    }

    [Fact]
    public async Task HandleAsync_WhenPrepareRunFailed_ShouldWriteUnderFailedNamedAfterTheVideo()
    {
        var state = new JsonObject { ["key"] = "uploads/My Clip.mp4", ["error"] = new JsonObject { ["Error"] = "NotAVideoException", ["Cause"] = "not a video" } };

        var output = await Workflow.InvokeAsync(new RecordFailureHandler(folder.Services).HandleAsync, state);

        var key = (string)output["errorKey"]!;
        Assert.StartsWith("runs/_failed/my-clip-mp4-", key, StringComparison.Ordinal);
        Assert.Equal("PrepareRun", (string)JsonNode.Parse(await folder.Store.ReadTextAsync(key))!["state"]!);
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
}
