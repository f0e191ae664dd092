using System.Text.Json;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions.Model;

/// <summary>
/// Finds a run's pending review and shapes the reviewer's answer: what <c>storyboard approve|reject</c>
/// sends as the task output of the ReviewDataset callback (the state's ResultSelector reads
/// <c>approved</c> and <c>comment</c>).
/// </summary>
public static class ReviewDecisions
{
    public const string AwaitingReview = "AwaitingReview";

    public static string ReviewKey(string runId) => new RunLayout(runId).Prefix + "review.json";

    /// <summary>
    /// Written once each time a run starts waiting for review (never rewritten by a decision), so
    /// the stack can notify reviewers on its creation; holds the instructions, never the token.
    /// </summary>
    public static string ReviewRequestKey(string runId) => new RunLayout(runId).Prefix + "review-request.txt";

    /// <exception cref="NoPendingReviewException">The run has no review.json: it never reached ReviewDataset, or review is off.</exception>
    public static async Task<ReviewRecord> FindAsync(IObjectStore store, string runId)
    {
        var key = ReviewKey(runId);
        return await StepJson.ReadRecordAsync(store, key, FunctionsJsonContext.Default.ReviewRecord).ConfigureAwait(false)
            ?? throw new NoPendingReviewException($"Run '{runId}' is not waiting for a review (no {key}). Only runs with \"reviewGate\": true stop at ReviewDataset, after BuildDataset.");
    }

    /// <summary>The callback's task output, e.g. <c>{"approved":true,"comment":"looks good"}</c>.</summary>
    public static string TaskOutput(ReviewDecision decision) => JsonSerializer.Serialize(decision, FunctionsJsonContext.Default.ReviewDecision);

    /// <summary>Records the decision in review.json, so the run folder says who decided what.</summary>
    public static async Task RecordAsync(IObjectStore store, string runId, ReviewDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var record = await FindAsync(store, runId).ConfigureAwait(false);
        await StepJson.WriteRecordAsync(
            store,
            ReviewKey(runId),
            record with { Status = decision.Approved ? "Approved" : "Rejected", Instructions = [.. record.Instructions, "Decision: " + TaskOutput(decision)] },
            FunctionsJsonContext.Default.ReviewRecord).ConfigureAwait(false);
    }
}
