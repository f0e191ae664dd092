using System.CommandLine;
using Storyboard.Asl.Execution;
using Storyboard.Cli.Runs;
using Storyboard.Cli.Workflow;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard redrive RUN</c>: restarts a failed run at the state that did not succeed.</summary>
public static class RedriveCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run id printed by exec." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The run folder.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var command = new Command("redrive", "Redrive a failed or timed-out run: successful states are not rerun.") { run, outDirectory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var folder = parse.GetValue(outDirectory)!.FullName;
            var runId = parse.GetValue(run)!;
            try
            {
                var record = await LocalRuns.Executor(folder, 1.0, null).DescribeExecutionAsync(runId, cancellationToken);
                var metadata = record.Metadata;
                var mocks = LocalRuns.Mocks(
                    metadata.GetValueOrDefault(LocalRuns.MockConfigKey),
                    metadata.GetValueOrDefault(LocalRuns.TestCaseKey),
                    metadata.GetValueOrDefault(LocalRuns.StateMachineKey) ?? record.StateMachineName);
                // A workflow run is redriven with the workflow's own handlers; anything else as exec ran it.
                var result = metadata.GetValueOrDefault(WorkflowRun.WorkflowKey) == WorkflowRun.WorkflowName
                    ? await WorkflowRun.Create(folder, LocalRuns.TimeScale(metadata), new RunProgress(error), HybridSettings.ReadFrom(metadata)).RedriveAsync(runId, cancellationToken)
                    : await LocalRuns.Executor(folder, LocalRuns.TimeScale(metadata), mocks).RedriveExecutionAsync(runId, cancellationToken);
                return LocalRuns.Print(result, parse.InvocationConfiguration.Output, error, folder);
            }
            catch (Exception e) when (e is ObjectNotFoundException or ExecutionNotRedrivableException or MissingTaskHandlerException or Asl.Tasks.InvalidMockConfigException or IOException)
            {
                error.WriteLine(e is ObjectNotFoundException ? $"No run '{runId}' in {folder}: {e.Message}" : e.Message);
                return 2;
            }
        });
        return command;
    }
}
