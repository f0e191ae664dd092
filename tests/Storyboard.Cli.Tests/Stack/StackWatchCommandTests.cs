using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.Support;
using Storyboard.Cli.Stack;
using Storyboard.Core.Config;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Tests.Stack;

public sealed class StackWatchCommandTests : IAsyncLifetime
{
    private const string RunId = "clip-mp4-0123456789ab";
    private readonly StackHarness _stack = new();

    public Task InitializeAsync() => _stack.InitializeAsync();

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Watch_WhenTheRunSucceeds_ShouldPrintEachStatusChangeOnceAndTheDatasetAndExit0()
    {
        _stack.StepFunctions.Enqueue(StackHarness.Execution("RUNNING"), StackHarness.Execution("RUNNING"), StackHarness.Execution("RUNNING"), StackHarness.Execution("SUCCEEDED"));

        var (code, output, error) = await _stack.RunAsync("stack", "watch", RunId);

        Assert.True(code == 0, error);
        Assert.Equal(4, _stack.Operations.Count(o => o == "DescribeExecution"));
        Assert.All(_stack.StepFunctions.Received, r => Assert.Equal(StackHarness.ExecutionArn(RunId), JsonNode.Parse(r.Body)!["executionArn"]!.GetValue<string>()));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, l => l.EndsWith(" RUNNING", StringComparison.Ordinal));
        Assert.Single(lines, l => l.EndsWith(" SUCCEEDED", StringComparison.Ordinal));
        Assert.Contains($"dataset:    s3://{StackHarness.Bucket}/runs/{RunId}/dataset/train.jsonl", lines);
        Assert.Contains($"report:     s3://{StackHarness.Bucket}/runs/{RunId}/dataset/report.html", lines);
        Assert.Contains($"storyboard: s3://{StackHarness.Bucket}/runs/{RunId}/storyboard/index.html", lines);

        // Backs off while nothing changes: 2 s, 3 s, 4.5 s.
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5)], _stack.Delays);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("TIMED_OUT")]
    [InlineData("ABORTED")]
    public async Task Watch_WhenTheRunDoesNotSucceed_ShouldPointAtTheErrorRecordAndExit1(string status)
    {
        _stack.StepFunctions.Enqueue(
            StackHarness.Execution("RUNNING"),
            StackHarness.Execution(status, error: "NotEnoughCropsException", cause: "Only 3 usable crops.", redriveStatus: "REDRIVABLE"));

        var (code, output, _) = await _stack.RunAsync("stack", "watch", RunId);

        Assert.Equal(1, code);
        Assert.Contains($" {status}", output, StringComparison.Ordinal);
        Assert.Contains("error:      NotEnoughCropsException", output, StringComparison.Ordinal);
        Assert.Contains("cause:      Only 3 usable crops.", output, StringComparison.Ordinal);
        Assert.Contains($"record:     s3://{StackHarness.Bucket}/runs/{RunId}/error.json", output, StringComparison.Ordinal);
        Assert.Contains($"storyboard stack redrive {RunId}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WhenGivenTheArnOfAnUploadStartedRun_ShouldFindItsRunIdAsPrepareRunDoes()
    {
        await _stack.Store().WriteTextAsync("characters/Dino/front.png", "png");
        var input = new JsonObject { ["bucket"] = StackHarness.Bucket, ["key"] = "uploads/intro.mp4", ["etag"] = "9b2cf535f27731c974343645a3985328", ["version"] = "v9", ["datasetOnly"] = true };
        var arn = StackHarness.ExecutionArn("0f6b1a52-8d0e-4f2c-9d55-0c6a2e1b7f3d");
        _stack.StepFunctions.Enqueue(StackHarness.Execution("SUCCEEDED", name: "0f6b1a52-8d0e-4f2c-9d55-0c6a2e1b7f3d", input: input));

        var (code, output, error) = await _stack.RunAsync("stack", "watch", arn);

        Assert.True(code == 0, error);
        var runId = RunIds.Derive("uploads/intro.mp4", "9b2cf535f27731c974343645a3985328", RunIds.ConfigHash(new RunConfig { Characters = [new CharacterConfig { Name = "Dino" }] }));
        Assert.Contains($"s3://{StackHarness.Bucket}/runs/{runId}/dataset/report.html", output, StringComparison.Ordinal);
        Assert.DoesNotContain("storyboard:", output, StringComparison.Ordinal);
        Assert.Equal(arn, JsonNode.Parse(_stack.StepFunctions.Received[0].Body)!["executionArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_WhenNoExecutionHasTheRunId_ShouldExplainHowToWatchAnUploadStartedRun()
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Error(400, "ExecutionDoesNotExist", "Execution Does Not Exist"));

        var (code, _, error) = await _stack.RunAsync("stack", "watch", RunId);

        Assert.Equal(2, code);
        Assert.Contains("execution ARN", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WhenInterrupted_ShouldStopWatchingWithoutAStackTrace()
    {
        using var ctrlC = new CancellationTokenSource();
        _stack.StepFunctions.Responder = _ => StackHarness.Execution("RUNNING");
        _stack.OnDelay = () => { if (_stack.Delays.Count == 3) { ctrlC.Cancel(); } };

        var (code, output, error) = await _stack.RunAsync(ctrlC.Token, "stack", "watch", RunId);

        Assert.Equal(StackCommand.ExitInterrupted, code);
        Assert.Contains("RUNNING", output, StringComparison.Ordinal);
        Assert.Contains("goes on", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WhenGivenAnExecutionOfAnotherStateMachine_ShouldRefuseIt()
    {
        var (code, _, error) = await _stack.RunAsync("stack", "watch", "arn:aws:states:us-east-1:123456789012:execution:Other:run-1");

        Assert.Equal(2, code);
        Assert.Contains("not of this stack's state machine", error, StringComparison.Ordinal);
        Assert.Empty(_stack.StepFunctions.Received);
    }
}
