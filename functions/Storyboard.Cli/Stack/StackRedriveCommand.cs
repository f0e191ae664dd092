using System.CommandLine;
using System.Globalization;
using Storyboard.Aws.Http;
using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Cli.Stack;

/// <summary>
/// <c>storyboard stack redrive RUN|EXECUTION_ARN</c>: resumes a failed run at the step that failed
/// (RedriveExecution), after checking the rules Step Functions applies, so a refusal says why.
/// </summary>
internal static class StackRedriveCommand
{
    /// <summary>Step Functions redrives an execution only within this time after it stopped.</summary>
    public static readonly TimeSpan RedriveWindow = TimeSpan.FromDays(14);

    public static Command Create(StackOptions options, StackAccess access)
    {
        var run = new Argument<string>("run") { Description = "A run id (printed by 'stack start'), or the execution ARN of any run." };
        var watch = new Option<bool>("--watch") { Description = "Then follow the run like 'stack watch'." };
        var command = new Command(
            "redrive",
            "Resume a failed, timed-out or aborted run at the step that did not succeed (RedriveExecution; same execution, same input; steps that succeeded are not rerun, and no second training job or throughput is bought). Possible within 14 days of the run's end, and never for a run that succeeded.")
        {
            run, watch,
        };
        command.SetAction((parse, cancellationToken) => StackCommand.RunAsync(parse, options, access, async stack =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (executionArn, runId) = StackRuns.Resolve(parse.GetValue(run)!, stack.Machine);
            DescribeExecutionResponse execution;
            try
            {
                execution = await stack.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest(executionArn), cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ExecutionDoesNotExist")
            {
                throw ExecutionWatcher.NotFound(executionArn, runId);
            }

            var name = runId ?? execution.Name ?? executionArn;
            CheckRedrivable(execution, name, access.Clock.GetUtcNow());

            // One token per redrive round: running the command twice in a row redrives once.
            var token = $"redrive-{(execution.RedriveCount ?? 0) + 1}-{name}";
            try
            {
                var redriven = await stack.StepFunctions.RedriveExecutionAsync(new RedriveExecutionRequest(executionArn, token[..Math.Min(token.Length, 64)]), cancellationToken).ConfigureAwait(false);
                output.WriteLine($"redriven:  {name} at {(redriven.RedriveDate ?? access.Clock.GetUtcNow()).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (redrive {(execution.RedriveCount ?? 0) + 1})");
                output.WriteLine($"execution: {executionArn}");
            }
            catch (AwsServiceException e) when (e.ErrorCode is "ExecutionNotRedrivable" or "ExecutionDoesNotExist")
            {
                throw new StackProblemException($"Step Functions will not redrive {name}: {e.AwsMessage} Start a new run instead ('storyboard stack start').");
            }

            return parse.GetValue(watch)
                ? await new ExecutionWatcher(stack, access, output).WatchAsync(executionArn, runId, cancellationToken).ConfigureAwait(false)
                : 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>The redrive rules (AWS-FACTS §6.4) as messages, before the request is made.</summary>
    /// <exception cref="StackProblemException">The execution cannot be redriven; the message says why and what to do.</exception>
    internal static void CheckRedrivable(DescribeExecutionResponse execution, string name, DateTimeOffset now)
    {
        switch (execution.Status)
        {
            case "SUCCEEDED":
                throw new StackProblemException($"Run {name} succeeded: there is nothing to redrive. For a different result, start a new run with another config.");
            case "RUNNING" or "PENDING_REDRIVE":
                throw new StackProblemException($"Run {name} is still running: only a run that failed, timed out or was aborted can be redriven ('storyboard stack watch {name}').");
        }

        if (execution.StopDate is { } stopped && now - stopped > RedriveWindow)
        {
            throw new StackProblemException(
                $"Run {name} ended on {stopped.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, more than 14 days ago: Step Functions redrives only within 14 days of the end. Start a new run ('storyboard stack start'); finished steps' files are still in the bucket.");
        }

        if (execution.RedriveStatus == "NOT_REDRIVABLE")
        {
            throw new StackProblemException($"Run {name} cannot be redriven: {execution.RedriveStatusReason ?? "Step Functions marks it NOT_REDRIVABLE"}. Start a new run ('storyboard stack start').");
        }
    }
}
