using System.CommandLine;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Cli.Runs;
using Storyboard.Core.Storage;
using Storyboard.Storage;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard history RUN</c>: the run's execution events as a timeline.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run id printed by exec." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The run folder.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var raw = new Option<bool>("--json") { Description = "Print the events as JSON lines instead of a timeline." };
        var command = new Command("history", "Show a run's execution history as a timeline.") { run, outDirectory, raw };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var folder = parse.GetValue(outDirectory)!.FullName;
            var runId = parse.GetValue(run)!;
            var store = new LocalFolderObjectStore(folder);
            var key = new LocalExecutorOptions().HistoryKey.Replace("{runId}", runId, StringComparison.Ordinal);
            try
            {
                if (parse.GetValue(raw))
                {
                    output.Write(await store.ReadTextAsync(key, cancellationToken));
                    return 0;
                }

                var events = await ExecutionHistory.ReadAsync(store, key, cancellationToken);
                HistoryTimeline.Render(events, output);
                return 0;
            }
            catch (ObjectNotFoundException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"No history for run '{runId}' in {folder} (looked for {key}).");
                return 2;
            }
        });
        return command;
    }
}
