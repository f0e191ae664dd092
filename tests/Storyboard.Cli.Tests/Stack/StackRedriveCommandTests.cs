using Storyboard.Aws.Tests.Support;

namespace Storyboard.Cli.Tests.Stack;

public sealed class StackRedriveCommandTests : IAsyncLifetime
{
    private const string RunId = "clip-mp4-0123456789ab";
    private readonly StackHarness _stack = new();

    public Task InitializeAsync() => _stack.InitializeAsync();

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Redrive_WhenTheRunFailedRecently_ShouldRedriveItOnceWithATokenForThisRound()
    {
        _stack.StepFunctions.Enqueue(
            StackHarness.Execution("FAILED", error: "States.Timeout", redriveStatus: "REDRIVABLE", stopDate: _stack.Now.AddDays(-2), redriveCount: 1),
            ScriptedResponse.Ok("""{"redriveDate":1795000100}"""));

        var (code, output, error) = await _stack.RunAsync("stack", "redrive", RunId);

        Assert.True(code == 0, error);
        Assert.Equal(["DescribeExecution", "RedriveExecution"], _stack.Operations);
        var body = _stack.Body("RedriveExecution");
        Assert.Equal(StackHarness.ExecutionArn(RunId), body["executionArn"]!.GetValue<string>());
        Assert.Equal($"redrive-2-{RunId}", body["clientToken"]!.GetValue<string>());
        Assert.Contains($"redriven:  {RunId}", output, StringComparison.Ordinal);
        Assert.Contains("(redrive 2)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SUCCEEDED", 1, null, null, "succeeded: there is nothing to redrive")]
    [InlineData("RUNNING", 0, null, null, "still running")]
    [InlineData("FAILED", 15, "REDRIVABLE", null, "more than 14 days ago")]
    [InlineData("ABORTED", 1, "NOT_REDRIVABLE", "Execution history event count exceeds the limit", "Execution history event count exceeds the limit")]
    public async Task Redrive_WhenStepFunctionsRulesForbidIt_ShouldSayWhyWithoutAsking(string status, int daysAgo, string? redriveStatus, string? reason, string expected)
    {
        _stack.StepFunctions.Enqueue(StackHarness.Execution(status, redriveStatus: redriveStatus, redriveReason: reason, stopDate: status == "RUNNING" ? null : _stack.Now.AddDays(-daysAgo)));

        var (code, output, error) = await _stack.RunAsync("stack", "redrive", RunId);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(["DescribeExecution"], _stack.Operations);
    }

    [Fact]
    public async Task Redrive_WhenStepFunctionsRefuses_ShouldPassOnItsReason()
    {
        _stack.StepFunctions.Enqueue(
            StackHarness.Execution("FAILED", redriveStatus: "REDRIVABLE", stopDate: _stack.Now.AddHours(-1)),
            ScriptedResponse.Error(400, "ExecutionNotRedrivable", "Execution has exceeded the max redrive count"));

        var (code, _, error) = await _stack.RunAsync("stack", "redrive", RunId);

        Assert.Equal(2, code);
        Assert.Contains("will not redrive", error, StringComparison.Ordinal);
        Assert.Contains("max redrive count", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_WhenAccessIsDenied_ShouldSayWhichPermissionIsMissing()
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Error(400, "AccessDeniedException", "User is not authorized to perform states:DescribeExecution"));

        var (code, _, error) = await _stack.RunAsync("stack", "redrive", RunId);

        Assert.Equal(2, code);
        Assert.StartsWith("Access denied: your credentials may not call states:DescribeExecution", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
