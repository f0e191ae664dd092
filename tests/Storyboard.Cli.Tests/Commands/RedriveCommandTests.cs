using System.Text.Json.Nodes;

namespace Storyboard.Cli.Tests.Commands;

public sealed class RedriveCommandTests
{
    [Fact]
    public async Task Redrive_WhenTheFailedTaskNowSucceeds_ShouldFinishTheRunAndCountTheRedrive()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("storyboard.asl.json", ExecCommandTests.Definition);
        var mocks = cli.Write("mocks.json", ExecCommandTests.MockConfig("Broken"));
        var (failedCode, _, _) = await cli.RunAsync("exec", "--definition", definition, "--input", "{}", "--mock-config", mocks, "--test-case", "Case",
            "--substitution", "PrepareArn=PrepareRun", "--run-id", "run-7", "--out", cli.Out);
        Assert.Equal(1, failedCode);
        cli.Write("mocks.json", ExecCommandTests.MockConfig("Ok").Replace("\"0\":{\"Throw\":{\"Error\":\"Lambda.ServiceException\",\"Cause\":\"transient\"}},\"1\"", "\"0\"", StringComparison.Ordinal));

        var (code, output, error) = await cli.RunAsync("redrive", "run-7", "--out", cli.Out);

        Assert.True(code == 0, error + output);
        Assert.Equal("r-1", JsonNode.Parse(output)!["prepared"]!["runId"]!.GetValue<string>());
        var (_, timeline, _) = await cli.RunAsync("history", "run-7", "--out", cli.Out);
        Assert.Contains("ExecutionRedriven", timeline, StringComparison.Ordinal);
        Assert.Contains("redriveCount: 1", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_WhenRunDoesNotExist_ShouldExplainAndExitTwo()
    {
        using var cli = new CliHarness();

        var (code, _, error) = await cli.RunAsync("redrive", "nope", "--out", cli.Out);

        Assert.Equal(2, code);
        Assert.Contains("No run 'nope'", error, StringComparison.Ordinal);
    }
}
