using System.Text.Json.Nodes;

namespace Storyboard.Cli.Tests.Commands;

public sealed class ExecCommandTests
{
    internal const string Definition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${PrepareArn}","Payload.$":"$"},
            "ResultSelector":{"runId.$":"$.Payload.runId"},"ResultPath":"$.prepared",
            "Retry":[{"ErrorEquals":["Lambda.ServiceException"],"MaxAttempts":2,"IntervalSeconds":60,"BackoffRate":2,"JitterStrategy":"FULL"}],
            "Catch":[{"ErrorEquals":["NotAVideoException"],"ResultPath":"$.error","Next":"RecordFailure"}],"Next":"Done"},
          "RecordFailure":{"Type":"Fail","ErrorPath":"$.error.Error","CausePath":"$.error.Cause"},
          "Done":{"Type":"Succeed"}}}
        """;

    internal static string MockConfig(string prepareResponse) => """
        {"StateMachines":{"storyboard":{"TestCases":{"Case":{"Prepare":"RESPONSE"}}}},
         "MockedResponses":{
           "Ok":{"0":{"Throw":{"Error":"Lambda.ServiceException","Cause":"transient"}},"1":{"Return":{"StatusCode":200,"Payload":{"runId":"r-1"}}}},
           "NotAVideo":{"0":{"Throw":{"Error":"NotAVideoException","Cause":"uploads/cat.txt is not a video"}}},
           "Broken":{"0-9":{"Throw":{"Error":"Lambda.Unknown","Cause":"crashed"}}}}}
        """.Replace("RESPONSE", prepareResponse, StringComparison.Ordinal);

    [Fact]
    public async Task Exec_WhenMockedTasksSucceed_ShouldPrintOutputAndExitZero()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("storyboard.asl.json", Definition);
        var mocks = cli.Write("mocks.json", MockConfig("Ok"));

        var (code, output, error) = await cli.RunAsync("exec", "--definition", definition, "--input", """{"video":"uploads/a.mp4"}""",
            "--mock-config", mocks, "--test-case", "Case", "--time-scale", "0.0001", "--substitution", "PrepareArn=arn:aws:lambda:us-east-1:1:function:PrepareRun", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Equal("""{"video":"uploads/a.mp4","prepared":{"runId":"r-1"}}""", JsonNode.Parse(output)!.ToJsonString());
        Assert.Contains("SUCCEEDED", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WhenErrorPathIsTaken_ShouldPrintErrorAndCauseAndExitOne()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("storyboard.asl.json", Definition);
        var mocks = cli.Write("mocks.json", MockConfig("NotAVideo"));

        var (code, output, _) = await cli.RunAsync("exec", "--definition", definition, "--input", "{}", "--mock-config", mocks, "--test-case", "Case",
            "--substitution", "PrepareArn=PrepareRun", "--out", cli.Out);

        Assert.Equal(1, code);
        var printed = JsonNode.Parse(output)!;
        Assert.Equal("NotAVideoException", printed["Error"]!.GetValue<string>());
        Assert.Equal("uploads/cat.txt is not a video", printed["Cause"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exec_WhenPlaceholderIsNotSubstituted_ShouldExplainAndExitTwo()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("storyboard.asl.json", Definition);

        var (code, _, error) = await cli.RunAsync("exec", "--definition", definition, "--out", cli.Out);

        Assert.Equal(2, code);
        Assert.Contains("'${PrepareArn}' has no substitution", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WhenInputIsAFile_ShouldReadIt()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("echo.asl.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$.v"},"End":true}}}""");
        var input = cli.Write("input.json", """{"v":[1,2]}""");

        var (code, output, _) = await cli.RunAsync("exec", "--definition", definition, "--input", input, "--out", cli.Out);

        Assert.Equal(0, code);
        Assert.Equal("""{"v":[1,2]}""", JsonNode.Parse(output)!.ToJsonString());
    }
}
