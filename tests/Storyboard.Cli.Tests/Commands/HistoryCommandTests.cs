namespace Storyboard.Cli.Tests.Commands;

public sealed class HistoryCommandTests
{
    [Fact]
    public async Task History_WhenRunExists_ShouldPrintTimelineOfStatesInOrder()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("two.asl.json", """{"StartAt":"First","States":{"First":{"Type":"Pass","Next":"Second"},"Second":{"Type":"Wait","Seconds":1,"End":true}}}""");
        await cli.RunAsync("exec", "--definition", definition, "--run-id", "h1", "--time-scale", "0.001", "--out", cli.Out);

        var (code, output, _) = await cli.RunAsync("history", "h1", "--out", cli.Out);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Contains("ExecutionStarted", lines[0], StringComparison.Ordinal);
        Assert.Contains("PassStateEntered", lines[1], StringComparison.Ordinal);
        Assert.Contains("First", lines[1], StringComparison.Ordinal);
        Assert.Contains("WaitStateExited", lines[4], StringComparison.Ordinal);
        Assert.Contains("ExecutionSucceeded", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_WhenJsonRequested_ShouldPrintEventLines()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("one.asl.json", """{"StartAt":"Only","States":{"Only":{"Type":"Succeed"}}}""");
        await cli.RunAsync("exec", "--definition", definition, "--run-id", "h2", "--out", cli.Out);

        var (_, output, _) = await cli.RunAsync("history", "h2", "--json", "--out", cli.Out);

        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("{\"timestamp\":", l, StringComparison.Ordinal));
    }
}
