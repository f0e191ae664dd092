using System.CommandLine;

namespace Storyboard.Cli.Stack;

/// <summary><c>storyboard stack watch RUN|EXECUTION_ARN</c>: follows a run of the deployed stack to its end.</summary>
internal static class StackWatchCommand
{
    public static Command Create(StackOptions options, StackAccess access)
    {
        var run = new Argument<string>("run") { Description = "A run id (printed by 'stack start'), or the execution ARN of any run, e.g. one an upload started." };
        var command = new Command(
            "watch",
            "Follow a run: prints each status change (polling DescribeExecution, backing off to every 30 s), then where the dataset, report or error.json are in the bucket. Exit code 0 when the run succeeded, 1 when it failed, timed out or was aborted. Ctrl+C stops watching, not the run.")
        {
            run,
        };
        command.SetAction((parse, cancellationToken) => StackCommand.RunAsync(parse, options, access, async stack =>
        {
            var (executionArn, runId) = StackRuns.Resolve(parse.GetValue(run)!, stack.Machine);
            parse.InvocationConfiguration.Error.WriteLine($"watching {executionArn}");
            return await new ExecutionWatcher(stack, access, parse.InvocationConfiguration.Output).WatchAsync(executionArn, runId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }
}
