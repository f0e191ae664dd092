using System.CommandLine;
using Storyboard.Aws.Http;
using Storyboard.Aws.StepFunctions.Model;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Cli.Stack;

/// <summary>
/// <c>storyboard stack approve|reject RUN</c>: answers a run waiting at ReviewDataset with the task token
/// the step left in <c>runs/&lt;runId&gt;/review.json</c> — read and updated by the same code as the local
/// <c>approve|reject</c>, through the bucket instead of a folder.
/// </summary>
/// <remarks>
/// Both answers are SendTaskSuccess with <c>{"approved": true|false, "comment": …}</c>, the task output the
/// state's ResultSelector and the ReviewDecision choice read: a rejection then ends the run through
/// ReviewRejected with the error DatasetRejected and the reason as its cause, exactly as a local reject
/// does. SendTaskFailure would fail the ReviewDataset task itself and skip that path.
/// </remarks>
internal static class StackReviewCommand
{
    public static Command Create(StackOptions options, StackAccess access, bool approve)
    {
        var run = new Argument<string>("run") { Description = "The run id waiting for review (or its execution ARN)." };
        var reason = approve
            ? new Option<string>("--comment") { Description = "Why; recorded in review.json and passed to the workflow.", DefaultValueFactory = _ => "approved" }
            : new Option<string>("--reason", "--comment") { Description = "Why; becomes the cause of the run's DatasetRejected error and is recorded in review.json.", DefaultValueFactory = _ => "rejected" };
        var command = new Command(approve ? "approve" : "reject", approve
            ? "Approve the dataset of a run waiting at ReviewDataset: the run goes on to fine-tuning. Reads the task token from runs/<runId>/review.json in the bucket."
            : "Reject the dataset of a run waiting at ReviewDataset: the run ends with the error DatasetRejected, nothing is trained or billed. Reads the task token from runs/<runId>/review.json in the bucket.")
        {
            run, reason,
        };
        command.SetAction((parse, cancellationToken) => StackCommand.RunAsync(parse, options, access, async stack =>
        {
            await stack.CheckBucketAsync(cancellationToken).ConfigureAwait(false);
            var (executionArn, runId) = StackRuns.Resolve(parse.GetValue(run)!, stack.Machine);
            if (runId is null)
            {
                var execution = await stack.StepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest(executionArn), cancellationToken).ConfigureAwait(false);
                runId = await StackRuns.TryDeriveAsync(stack, execution, cancellationToken).ConfigureAwait(false)
                    ?? throw new StackProblemException($"{executionArn} never named a run (its input was rejected), so it has no review.");
            }

            var review = await ReviewDecisions.FindAsync(stack.Store, runId).ConfigureAwait(false);
            if (review.Status != ReviewDecisions.AwaitingReview)
            {
                throw new StackProblemException($"Run {runId} is no longer waiting for a review: its dataset was already {review.Status.ToLowerInvariant()} ({stack.Uri(ReviewDecisions.ReviewKey(runId))}).");
            }

            var decision = new ReviewDecision(approve, parse.GetValue(reason)!);
            try
            {
                await stack.StepFunctions.SendTaskSuccessAsync(new SendTaskSuccessRequest(review.TaskToken, ReviewDecisions.TaskOutput(decision)), cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.ErrorCode is "TaskTimedOut" or "InvalidToken" or "TaskDoesNotExist")
            {
                throw new StackProblemException(
                    $"Run {runId} is no longer waiting for this review ({e.ErrorCode}): the token in review.json was already answered, or the run stopped or timed out (the review waits at most 7 days). See 'storyboard stack watch {runId}'.");
            }

            await ReviewDecisions.RecordAsync(stack.Store, runId, decision).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"{(approve ? "approved" : "rejected")}: {runId}");
            return 0;
        }, cancellationToken));
        return command;
    }
}
