using System.Text.Json;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Tests.Model;

public sealed class ReviewStepTests
{
    [Fact]
    public async Task RequestAsync_ShouldLeaveTheTokenAndInstructionsThatReviewDecisionsFinds()
    {
        using var run = await ModelRun.CreateAsync();

        var ack = await new ReviewStep(run.Services()).RequestAsync(run.Run(), run.Dataset(), "AQCEAAAAKgAAAAMAAAAA-token");
        var review = await ReviewDecisions.FindAsync(run.Store, ModelRun.RunId);

        Assert.Equal(run.Layout.Prefix + "review.json", ack.ReviewKey);
        Assert.Equal("AQCEAAAAKgAAAAMAAAAA-token", review.TaskToken);
        Assert.Equal(ReviewDecisions.AwaitingReview, review.Status);
        Assert.Contains(review.Instructions, i => i.Contains($"storyboard approve {ModelRun.RunId}", StringComparison.Ordinal));
        Assert.Contains(review.Instructions, i => i.Contains("send-task-success", StringComparison.Ordinal));
        Assert.Equal(6, review.Dataset.Records);
    }

    [Fact]
    public async Task RequestAsync_ShouldWriteAReviewRequestWithoutTheTokenThatADecisionLeavesAlone()
    {
        using var run = await ModelRun.CreateAsync();
        await new ReviewStep(run.Services()).RequestAsync(run.Run(), run.Dataset(), "AQCEAAAAKgAAAAMAAAAA-token");
        var key = ReviewDecisions.ReviewRequestKey(ModelRun.RunId);
        var before = await run.Store.GetInfoAsync(key);

        await ReviewDecisions.RecordAsync(run.Store, ModelRun.RunId, new ReviewDecision(true, "fine"));
        var request = await run.Store.ReadTextAsync(key);

        Assert.Equal(run.Layout.Prefix + "review-request.txt", key);
        Assert.Contains($"storyboard stack approve {ModelRun.RunId}", request, StringComparison.Ordinal);
        Assert.DoesNotContain("AQCEAAAAKgAAAAMAAAAA-token", request, StringComparison.Ordinal);
        Assert.Equal(before, await run.Store.GetInfoAsync(key));
    }

    [Fact]
    public async Task FindAsync_WhenTheRunIsNotWaiting_ShouldThrowNoPendingReview()
    {
        using var run = await ModelRun.CreateAsync();

        await Assert.ThrowsAsync<NoPendingReviewException>(() => ReviewDecisions.FindAsync(run.Store, ModelRun.RunId));
    }

    [Fact]
    public async Task TaskOutputAndRecord_ShouldCarryTheFieldsTheWorkflowReadsAndMarkTheReview()
    {
        using var run = await ModelRun.CreateAsync();
        await new ReviewStep(run.Services()).RequestAsync(run.Run(), run.Dataset(), "token-1");

        var output = ReviewDecisions.TaskOutput(new ReviewDecision(false, "captions miss Gnu"));
        await ReviewDecisions.RecordAsync(run.Store, ModelRun.RunId, new ReviewDecision(false, "captions miss Gnu"));

        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("approved").GetBoolean());
        Assert.Equal("captions miss Gnu", json.RootElement.GetProperty("comment").GetString());
        Assert.Equal("Rejected", (await ReviewDecisions.FindAsync(run.Store, ModelRun.RunId)).Status);
    }
}
