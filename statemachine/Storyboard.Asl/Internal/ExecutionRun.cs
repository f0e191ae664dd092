using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Asl.Tasks;

namespace Storyboard.Asl.Internal;

/// <summary>One execution in progress (a top-level run, or a Distributed Map child execution).</summary>
internal sealed class ExecutionRun
{
    public required LocalExecutorOptions Options { get; init; }

    public required TaskHandlerRegistry Handlers { get; init; }

    public required TaskTokenBroker Tokens { get; init; }

    public required StateMachineDefinition Definition { get; init; }

    /// <summary>The run folder id: a child execution shares its parent's.</summary>
    public required string RunId { get; init; }

    public required string Name { get; init; }

    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public required string StateMachineName { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required JsonNode? ExecutionInput { get; init; }

    public required HistoryRecorder History { get; init; }

    public int RedriveCount { get; init; }

    public DateTimeOffset? RedriveTime { get; init; }

    public string RoleArn => $"arn:aws:iam::{Options.AccountId}:role/StoryboardLocalRun";

    public TimeSpan Scaled(double seconds) => TimeSpan.FromSeconds(Math.Max(0, seconds * Options.TimeScale));

    public TimeSpan Timeout(double seconds) => TimeSpan.FromSeconds(Options.ScaleTimeouts ? seconds * Options.TimeScale : seconds);

    public JsonObject Context(State state, DateTimeOffset entered, int retryCount, string? taskToken = null, long? itemIndex = null, JsonNode? itemValue = null, bool includeInput = true)
    {
        var execution = new JsonObject
        {
            ["Id"] = ExecutionArn,
            ["Name"] = Name,
            ["RoleArn"] = RoleArn,
            ["StartTime"] = Timestamps.Format(StartTime),
            ["RedriveCount"] = RedriveCount,
        };
        if (includeInput)
        {
            // Copying the execution input is the one costly part; templates that never read it skip it.
            execution["Input"] = ExecutionInput?.DeepClone();
        }

        if (RedriveTime is { } redriven)
        {
            execution["RedriveTime"] = Timestamps.Format(redriven);
        }

        var context = new JsonObject
        {
            ["Execution"] = execution,
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(entered),
                ["Name"] = state.Name,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = new JsonObject { ["Id"] = StateMachineArn, ["Name"] = StateMachineName },
        };
        if (taskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = taskToken };
        }

        if (itemIndex is not null)
        {
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = itemIndex.Value, ["Value"] = itemValue?.DeepClone() } };
        }

        return context;
    }
}
