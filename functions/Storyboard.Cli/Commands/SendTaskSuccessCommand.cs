using System.CommandLine;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Cli.Runs;
using Storyboard.Storage;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard send-task-success RUN --token T --output JSON</c>: completes a waiting callback task.</summary>
public static class SendTaskSuccessCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run whose task waits." };
        var token = new Option<string>("--token") { Description = "The task token (from the task's Parameters in the history).", Required = true };
        var output = new Option<string>("--output") { Description = "The task result as JSON.", DefaultValueFactory = _ => "{}" };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The run folder.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var command = new Command("send-task-success", "Complete a .waitForTaskToken task of a running run (SendTaskSuccess).") { run, token, output, outDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(output)!;
            JsonNode.Parse(text);
            var message = new JsonObject { ["status"] = "SUCCESS", ["output"] = text };
            await LocalExecutor.SendTaskResultAsync(new LocalFolderObjectStore(parse.GetValue(outDirectory)!.FullName), new LocalExecutorOptions(), parse.GetValue(run)!, parse.GetValue(token)!, message, cancellationToken);
            return 0;
        });
        return command;
    }
}
