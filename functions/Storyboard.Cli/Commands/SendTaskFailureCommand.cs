using System.CommandLine;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Cli.Runs;
using Storyboard.Storage;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard send-task-failure RUN --token T --error E --cause C</c>: fails a waiting callback task.</summary>
public static class SendTaskFailureCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run whose task waits." };
        var token = new Option<string>("--token") { Description = "The task token.", Required = true };
        var errorName = new Option<string>("--error") { Description = "The error name Retry/Catch match on.", DefaultValueFactory = _ => string.Empty };
        var cause = new Option<string>("--cause") { Description = "A description of the failure.", DefaultValueFactory = _ => string.Empty };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The run folder.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var command = new Command("send-task-failure", "Fail a .waitForTaskToken task of a running run (SendTaskFailure).") { run, token, errorName, cause, outDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var message = new JsonObject { ["status"] = "FAILURE", ["error"] = parse.GetValue(errorName), ["cause"] = parse.GetValue(cause) };
            await LocalExecutor.SendTaskResultAsync(new LocalFolderObjectStore(parse.GetValue(outDirectory)!.FullName), new LocalExecutorOptions(), parse.GetValue(run)!, parse.GetValue(token)!, message, cancellationToken);
            return 0;
        });
        return command;
    }
}
