using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Execution;

public sealed class CallbackTaskTests
{
    private const string Review = """
        {"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token"}},"HeartbeatSeconds":5,"ResultPath":"$.review","End":true}}}
        """;

    [Fact]
    public async Task WaitForTaskToken_WhenSendTaskSuccessCalled_ShouldResumeWithItsOutput()
    {
        var executor = Run.Executor();
        var token = new TaskCompletionSource<string>();
        executor.Handlers.RegisterFunction("Notify", Handlers.Json(n =>
        {
            token.SetResult(n!["token"]!.GetValue<string>());
            return new JsonObject();
        }));

        var running = executor.StartAsync(Review, "{}");
        executor.SendTaskSuccess(await token.Task, JsonNode.Parse("""{"approved":true}"""));
        var result = await running;

        Assert.Equal("""{"review":{"approved":true}}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task WaitForTaskToken_WhenFailureArrivesThroughTheStore_ShouldFailWithGivenError()
    {
        var store = new InMemoryObjectStore();
        var executor = Run.Executor(store);
        var token = new TaskCompletionSource<string>();
        executor.Handlers.RegisterFunction("Notify", Handlers.Json(n =>
        {
            token.SetResult(n!["token"]!.GetValue<string>());
            return new JsonObject();
        }));

        var running = executor.StartAsync(Review, "{}", runId: "run-cb");
        await LocalExecutor.SendTaskResultAsync(store, executor.Options, "run-cb", await token.Task,
            new JsonObject { ["status"] = "FAILURE", ["error"] = "Rejected", ["cause"] = "not good enough" });
        var result = await running;

        Assert.Equal("Rejected", result.Error);
        Assert.Equal("not good enough", result.Cause);
    }

    [Fact]
    public async Task WaitForTaskToken_WhenNoHeartbeatArrives_ShouldFailWithHeartbeatTimeout()
    {
        var executor = new LocalExecutor(new LocalExecutorOptions { Store = new InMemoryObjectStore(), ScaleTimeouts = true, TimeScale = 0.05 });
        executor.Handlers.RegisterFunction("Notify", Handlers.Json(_ => new JsonObject()));

        var result = await executor.StartAsync(Review, "{}");

        Assert.Equal("States.HeartbeatTimeout", result.Error);
    }
}
