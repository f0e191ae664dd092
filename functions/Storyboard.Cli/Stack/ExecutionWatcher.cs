using System.Globalization;
using System.Text.Json.Nodes;
using Storyboard.Aws.Http;
using Storyboard.Aws.StepFunctions.Model;
using Storyboard.Core.Runs;
using Storyboard.Functions.Model;
using Storyboard.Functions.Steps;

namespace Storyboard.Cli.Stack;

/// <summary>
/// Polls DescribeExecution until the execution ends, printing each status change, then points at
/// what the run left in the bucket. Polls back off from 2 s to 30 s while nothing changes, so a
/// watch over a day-long fine-tuning costs a few thousand requests, not tens of thousands.
/// </summary>
internal sealed class ExecutionWatcher(StackConnection stack, StackAccess access, TextWriter output)
{
    public static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    /// <summary>The review record is looked for on the first poll and every this many after it.</summary>
    private const int ReviewCheckEvery = 5;

    /// <returns>0 when the execution succeeded, 1 when it failed, timed out or was aborted.</returns>
    public async Task<int> WatchAsync(string executionArn, string? runId, CancellationToken cancellationToken)
    {
        string? last = null;
        var redrives = 0;
        var wait = FirstPoll;
        var polls = 0;
        var reviewShown = false;
        while (true)
        {
            polls++;
            DescribeExecutionResponse execution;
            try
            {
                execution = await stack.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest(executionArn), cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ExecutionDoesNotExist")
            {
                throw NotFound(executionArn, runId);
            }
            catch (Exception e) when (e is AwsConnectionException or AwsRequestTimeoutException)
            {
                // A dropped connection on a long watch is no reason to stop: the run goes on.
                output.WriteLine($"{Now()} (no answer from Step Functions: {e.Message}; still watching)");
                await access.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var status = execution.Status ?? "UNKNOWN";
            if (status != last || (execution.RedriveCount ?? 0) != redrives)
            {
                last = status;
                redrives = execution.RedriveCount ?? 0;
                output.WriteLine($"{Now()} {status}{(redrives > 0 ? $" (redrive {redrives})" : string.Empty)}");
                wait = FirstPoll;
            }

            if (status is not ("RUNNING" or "PENDING_REDRIVE"))
            {
                runId ??= await StackRuns.TryDeriveAsync(stack, execution, cancellationToken).ConfigureAwait(false);
                return Report(execution, runId);
            }

            // A run at the review gate can wait for days: say so, and how to answer, once.
            if (!reviewShown && runId is not null && polls % ReviewCheckEvery == 1 && await AwaitsReviewAsync(runId, cancellationToken).ConfigureAwait(false))
            {
                reviewShown = true;
                output.WriteLine($"{Now()} waiting for review of {stack.Uri(new RunLayout(runId).ReportKey)}: storyboard stack approve {runId} (or reject {runId} --reason \"...\")");
            }

            await access.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, (long)(wait.Ticks * 1.5)));
        }
    }

    private async Task<bool> AwaitsReviewAsync(string runId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return (await ReviewDecisions.FindAsync(stack.Store, runId).ConfigureAwait(false)).Status == ReviewDecisions.AwaitingReview;
        }
        catch (NoPendingReviewException)
        {
            return false;
        }
    }

    public static StackProblemException NotFound(string executionArn, string? runId) => new(runId is null
        ? $"No execution {executionArn}."
        : $"No execution named '{runId}' ({executionArn}). Runs started by 'storyboard stack start' are named after their run id; a run started by an upload has a generated name: pass its execution ARN (Step Functions console, or 'aws stepfunctions list-executions --state-machine-arn ...').");

    private int Report(DescribeExecutionResponse execution, string? runId)
    {
        var layout = runId is null ? null : new RunLayout(runId);
        if (execution.Status == "SUCCEEDED")
        {
            if (layout is not null)
            {
                output.WriteLine($"dataset:    {stack.Uri(layout.TrainKey)}");
                output.WriteLine($"report:     {stack.Uri(layout.ReportKey)}");
                if (!DatasetOnly(execution.Input))
                {
                    output.WriteLine($"storyboard: {stack.Uri(layout.StoryboardPrefix + "index.html")}");
                }
            }

            return 0;
        }

        output.WriteLine($"error:      {execution.Error ?? execution.Status}");
        if (!string.IsNullOrEmpty(execution.Cause))
        {
            output.WriteLine($"cause:      {execution.Cause}");
        }

        // RecordFailure writes the record from the execution's status-change event, a moment after the end.
        output.WriteLine(layout is null
            ? $"record:     {stack.Uri(RecordFailureStep.FailedPrefix)} (the input never named a run: fix it and start again)"
            : $"record:     {stack.Uri(layout.ErrorKey)}");
        if (layout is not null && execution.RedriveStatus is "REDRIVABLE" or "REDRIVABLE_BY_MAP_RUN")
        {
            output.WriteLine($"then:       fix the cause, then: storyboard stack redrive {runId}");
        }

        return 1;
    }

    private static bool DatasetOnly(string? input)
    {
        try
        {
            return input is not null && JsonNode.Parse(input) is JsonObject o && o["datasetOnly"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private string Now() => access.Clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
