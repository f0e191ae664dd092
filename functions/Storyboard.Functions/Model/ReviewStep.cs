using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions.Model;

/// <summary>Leaves the task token and the reviewer's instructions in the run folder; the workflow waits for the callback.</summary>
public sealed class ReviewStep(ModelServices services)
{
    public async Task<ReviewDatasetOutput> RequestAsync(RunContext run, BuildDatasetOutput dataset, string taskToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(taskToken);
        var key = ReviewDecisions.ReviewKey(run.RunId);
        var record = new ReviewRecord(
            run.RunId,
            ReviewDecisions.AwaitingReview,
            taskToken,
            dataset,
            [
                $"Open {dataset.ReportKey} and look through the {dataset.Records} training images and captions in {dataset.TrainKey}.",
                $"Approve: storyboard approve {run.RunId} --comment \"...\" (deployed stack: storyboard stack approve {run.RunId} --comment \"...\")",
                $"Reject:  storyboard reject {run.RunId} --comment \"why\" (deployed stack: storyboard stack reject {run.RunId} --reason \"why\")",
                "Or with the AWS CLI: aws stepfunctions send-task-success --task-token \"<taskToken>\" --task-output '{\"approved\":true,\"comment\":\"...\"}' (approved false to reject).",
                "Nothing is trained or billed until the dataset is approved.",
            ]);
        await StepJson.WriteRecordAsync(services.Store, key, record, FunctionsJsonContext.Default.ReviewRecord).ConfigureAwait(false);
        await services.Store.WriteTextAsync(
            ReviewDecisions.ReviewRequestKey(run.RunId),
            $"Run {run.RunId} is waiting for review.{Environment.NewLine}{string.Join(Environment.NewLine, record.Instructions)}{Environment.NewLine}",
            "text/plain; charset=utf-8").ConfigureAwait(false);
        return new ReviewDatasetOutput(key, ReviewDecisions.AwaitingReview);
    }
}
