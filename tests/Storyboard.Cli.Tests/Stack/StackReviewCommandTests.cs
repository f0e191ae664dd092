using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Cli.Tests.Stack;

/// <summary>The review gate answered from the terminal, with the token ReviewDataset's own code stored in the bucket.</summary>
public sealed class StackReviewCommandTests : IAsyncLifetime
{
    private const string RunId = "clip-mp4-0123456789ab";
    private const string Token = "AQCEAAAAKgAAAAMAAAAAAAAAAWxQ/token+with/slashes==";
    private readonly StackHarness _stack = new();

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        var store = _stack.Store();
        var run = new RunContext(RunId, StackHarness.Bucket, $"runs/{RunId}/", $"runs/{RunId}/plan.json", $"runs/{RunId}/config.json", "uploads/cli/clip.mp4.cli", "aws", false, true, true, 60, "amazon.nova-canvas-v1:0");
        var dataset = new BuildDatasetOutput($"runs/{RunId}/dataset/train.jsonl", $"s3://{StackHarness.Bucket}/runs/{RunId}/dataset/train.jsonl", $"runs/{RunId}/dataset/items.jsonl", $"runs/{RunId}/dataset/report.html", $"runs/{RunId}/dataset/export/", 12);
        await new ReviewStep(ModelServices.Offline(store, ModelSettings.FromEnvironment(_ => null), StackHarness.Bucket)).RequestAsync(run, dataset, Token);
    }

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Watch_WhenTheRunWaitsAtTheReviewGate_ShouldSayHowToAnswerOnce()
    {
        _stack.StepFunctions.Enqueue(StackHarness.Execution("RUNNING"), StackHarness.Execution("RUNNING"), StackHarness.Execution("SUCCEEDED"));

        var (code, output, _) = await _stack.RunAsync("stack", "watch", RunId);

        Assert.Equal(0, code);
        var hint = Assert.Single(output.Split('\n'), l => l.Contains("waiting for review", StringComparison.Ordinal));
        Assert.Contains($"storyboard stack approve {RunId}", hint, StringComparison.Ordinal);
        Assert.Contains($"s3://{StackHarness.Bucket}/runs/{RunId}/dataset/report.html", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WhenTheRunWaits_ShouldSendTheStoredTokenAndRecordTheDecision()
    {
        var (code, output, error) = await _stack.RunAsync("stack", "approve", RunId, "--comment", "looks good");

        Assert.True(code == 0, error);
        Assert.Equal(["SendTaskSuccess"], _stack.Operations);
        Assert.Null(_stack.StepFunctions.Received[0].SignatureProblem);
        var body = _stack.Body("SendTaskSuccess");
        Assert.Equal(Token, body["taskToken"]!.GetValue<string>());
        var decision = JsonNode.Parse(body["output"]!.GetValue<string>())!;
        Assert.True(decision["approved"]!.GetValue<bool>());
        Assert.Equal("looks good", decision["comment"]!.GetValue<string>());
        Assert.Equal("Approved", (await ReviewDecisions.FindAsync(_stack.Store(), RunId)).Status);
        Assert.Contains($"approved: {RunId}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithAReason_ShouldSendApprovedFalseSoTheWorkflowEndsWithDatasetRejected()
    {
        var (code, _, error) = await _stack.RunAsync("stack", "reject", RunId, "--reason", "too few crops of Dino");

        Assert.True(code == 0, error);
        var body = _stack.Body("SendTaskSuccess");
        Assert.Equal(Token, body["taskToken"]!.GetValue<string>());
        var decision = JsonNode.Parse(body["output"]!.GetValue<string>())!;
        Assert.False(decision["approved"]!.GetValue<bool>());
        Assert.Equal("too few crops of Dino", decision["comment"]!.GetValue<string>());
        Assert.Equal("Rejected", (await ReviewDecisions.FindAsync(_stack.Store(), RunId)).Status);
    }

    [Theory]
    [InlineData("TaskTimedOut")]
    [InlineData("InvalidToken")]
    public async Task Approve_WhenTheTokenIsNoLongerValid_ShouldSayTheReviewIsOverAndKeepTheRecord(string errorCode)
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Error(400, errorCode, "Provided task does not exist anymore"));

        var (code, _, error) = await _stack.RunAsync("stack", "approve", RunId);

        Assert.Equal(2, code);
        Assert.Contains($"no longer waiting for this review ({errorCode})", error, StringComparison.Ordinal);
        Assert.Equal(ReviewDecisions.AwaitingReview, (await ReviewDecisions.FindAsync(_stack.Store(), RunId)).Status);
    }

    [Fact]
    public async Task Approve_WhenAlreadyDecided_ShouldNotSendTheTokenAgain()
    {
        Assert.Equal(0, (await _stack.RunAsync("stack", "approve", RunId)).ExitCode);

        var (code, _, error) = await _stack.RunAsync("stack", "reject", RunId);

        Assert.Equal(2, code);
        Assert.Contains("already approved", error, StringComparison.Ordinal);
        Assert.Single(_stack.StepFunctions.Received);
    }

    [Fact]
    public async Task Approve_WhenTheRunHasNoReview_ShouldSayOnlyReviewGateRunsWait()
    {
        await _stack.Store().DeleteAsync($"runs/{RunId}/review.json");

        var (code, _, error) = await _stack.RunAsync("stack", "approve", RunId);

        Assert.Equal(2, code);
        Assert.Contains("reviewGate", error, StringComparison.Ordinal);
        Assert.Empty(_stack.StepFunctions.Received);
    }

    [Fact]
    public async Task Approve_WhenTheBucketDeniesAccess_ShouldSayWhichCredentialsAreNeeded()
    {
        _stack.S3.DenyAccess = true;

        var (code, _, error) = await _stack.RunAsync("stack", "approve", RunId);

        Assert.Equal(2, code);
        Assert.StartsWith($"Access denied to bucket '{StackHarness.Bucket}'", error, StringComparison.Ordinal);
        Assert.Empty(_stack.StepFunctions.Received);
    }
}
