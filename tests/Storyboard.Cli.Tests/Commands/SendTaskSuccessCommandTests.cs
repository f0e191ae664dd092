using System.Text.Json.Nodes;

namespace Storyboard.Cli.Tests.Commands;

public sealed class SendTaskSuccessCommandTests
{
    private const string Definition = """
        {"StartAt":"Review","States":{"Review":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token"}},"ResultPath":"$.review","End":true}}}
        """;

    [Fact]
    public async Task SendTaskSuccess_WhenAnotherInvocationWaits_ShouldCompleteTheCallbackTask()
    {
        using var cli = new CliHarness();
        var definition = cli.Write("review.asl.json", Definition);
        var running = cli.RunAsync("exec", "--definition", definition, "--run-id", "cb", "--out", cli.Out, "--input", "{}");
        var token = await WaitForTokenAsync(Path.Combine(cli.Out, "runs", "cb", "history.jsonl"), running);

        var (code, _, _) = await cli.RunAsync("send-task-success", "cb", "--token", token, "--output", """{"approved":true}""", "--out", cli.Out);
        var (exitCode, output, error) = await running;

        Assert.Equal(0, code);
        Assert.True(exitCode == 0, error);
        Assert.True(JsonNode.Parse(output)!["review"]!["approved"]!.GetValue<bool>());
    }

    /// <summary>The waiting task flushes the history before it waits; its TaskScheduled parameters carry the token.</summary>
    private static async Task<string> WaitForTokenAsync(string historyPath, Task running)
    {
        for (var i = 0; i < 200 && !running.IsCompleted; i++)
        {
            if (File.Exists(historyPath))
            {
                foreach (var line in await File.ReadAllLinesAsync(historyPath))
                {
                    var e = JsonNode.Parse(line)!;
                    if (e["type"]!.GetValue<string>() == "TaskScheduled")
                    {
                        var parameters = JsonNode.Parse(e["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!;
                        return parameters["Payload"]!["token"]!.GetValue<string>();
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("The callback task never started: " + (running.IsCompleted ? "exec finished early" : "no TaskScheduled event"));
    }
}
