using System.CommandLine;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;
using Storyboard.Storage;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard approve|reject RUN</c>: answers a run waiting at ReviewDataset.</summary>
public static class ReviewCommand
{
    public static Command Create(bool approve)
    {
        var run = new Argument<string>("run") { Description = "The run id waiting for review." };
        var comment = new Option<string>("--comment") { Description = "Why; recorded in review.json and passed to the workflow.", DefaultValueFactory = _ => approve ? "approved" : "rejected" };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The output folder of the run.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var command = new Command(approve ? "approve" : "reject", approve
            ? "Approve a run's dataset: the waiting run goes on to fine-tuning."
            : "Reject a run's dataset: the waiting run ends through its failure path.")
        {
            run, comment, outDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var store = new LocalFolderObjectStore(parse.GetValue(outDirectory)!.FullName);
            var runId = parse.GetValue(run)!;
            try
            {
                var review = await ReviewDecisions.FindAsync(store, runId);
                var decision = new ReviewDecision(approve, parse.GetValue(comment)!);
                await LocalExecutor.SendTaskResultAsync(store, new LocalExecutorOptions(), runId, review.TaskToken, new JsonObject
                {
                    ["status"] = "SUCCESS",
                    ["output"] = ReviewDecisions.TaskOutput(decision),
                }, cancellationToken);
                await ReviewDecisions.RecordAsync(store, runId, decision);
                parse.InvocationConfiguration.Output.WriteLine($"{(approve ? "approved" : "rejected")}: {runId}");
                return 0;
            }
            catch (Exception e) when (e is NoPendingReviewException or ObjectNotFoundException or IOException)
            {
                error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }
}
