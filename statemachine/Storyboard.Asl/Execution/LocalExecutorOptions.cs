using Storyboard.Asl.History;
using Storyboard.Asl.Tasks;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Execution;

/// <summary>How executions run locally. Keys may use the tokens {runId}, {mapRunId} and {token}.</summary>
public sealed record LocalExecutorOptions
{
    /// <summary>The run's bucket: history, the execution record (for redrive), ItemReader sources and ResultWriter output.</summary>
    public IObjectStore? Store { get; init; }

    /// <summary>Multiplies Wait state durations and Retry intervals: 0.001 turns an hour's wait into 3.6 seconds.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>Also scale TimeoutSeconds and HeartbeatSeconds (off by default: they guard real work, which does not speed up).</summary>
    public bool ScaleTimeouts { get; init; }

    public bool RecordHistory { get; init; } = true;

    /// <summary>
    /// Most Map iterations and Distributed Map child executions run at once, whatever the state's
    /// MaxConcurrency allows (null: as declared). In AWS every child gets its own Lambda; on one
    /// machine, CPU-bound children beyond the core count only slow each other down and hold more
    /// memory, so a local run caps them at the processor count without changing the definition.
    /// </summary>
    public int? MaxMapConcurrency
    {
        get => maxMapConcurrency;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxMapConcurrency), value, "The Map concurrency cap must be at least 1 (or null for no cap).");
            }

            maxMapConcurrency = value;
        }
    }

    public string HistoryKey { get; init; } = "runs/{runId}/history.jsonl";

    public string ExecutionRecordKey { get; init; } = "runs/{runId}/execution.json";

    /// <summary>Distributed Map child execution histories, written in parts of a few MB.</summary>
    public string ChildHistoryPrefix { get; init; } = "runs/{runId}/map-runs/{mapRunId}/history/";

    /// <summary>Where another process drops SendTaskSuccess/Failure/Heartbeat for a waiting callback task.</summary>
    public string TaskTokenKey { get; init; } = "runs/{runId}/task-tokens/{token}.json";

    public TimeSpan TaskTokenPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Tasks of states named in the test case are answered from the mock config instead of handlers.</summary>
    public MockTestCase? Mocks { get; init; }

    /// <summary>
    /// A <c>.waitForTaskToken</c> task with no handler and no mock just waits for SendTaskSuccess/Failure
    /// (e.g. a person approving through the CLI) instead of failing the run before it starts.
    /// </summary>
    public bool AwaitCallbacksWithoutHandler { get; init; }

    public string Region { get; init; } = "local";

    public string AccountId { get; init; } = "000000000000";

    /// <summary>Sees every history event of the execution and of its Map Run children as it happens.</summary>
    public Action<HistoryEvent>? OnEvent { get; init; }

    private readonly int? maxMapConcurrency;

    /// <summary>Workers for a Map whose MaxConcurrency resolved to <paramref name="declared"/> (0: no limit).</summary>
    internal int MapWorkers(int declared)
    {
        var workers = declared == 0 ? 1000 : declared;
        return maxMapConcurrency is { } cap ? Math.Min(workers, cap) : workers;
    }

    internal string Key(string template, string runId, string? mapRunId = null, string? token = null) =>
        template.Replace("{runId}", runId, StringComparison.Ordinal)
            .Replace("{mapRunId}", mapRunId ?? string.Empty, StringComparison.Ordinal)
            .Replace("{token}", token ?? string.Empty, StringComparison.Ordinal);
}
