using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.History;
using Storyboard.Asl.Internal;
using Storyboard.Asl.Paths;
using Storyboard.Asl.Tasks;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Execution;

/// <summary>
/// Runs States Language definitions in-process with Step Functions' data flow and error semantics:
/// start an execution, redrive a failed one (also from another process, through the store), and
/// complete callback tasks. Register the code behind Task states in <see cref="Handlers"/>.
/// </summary>
public sealed class LocalExecutor
{
    private readonly TaskTokenBroker _tokens = new();

    public LocalExecutor(LocalExecutorOptions options, TaskHandlerRegistry? handlers = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Handlers = handlers ?? new TaskHandlerRegistry();
    }

    public LocalExecutorOptions Options { get; }

    public TaskHandlerRegistry Handlers { get; }

    public string HistoryKey(string runId) => Options.Key(Options.HistoryKey, runId);

    public async Task<ExecutionResult> StartExecutionAsync(StateMachineDefinition definition, StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var missing = TaskInvoker.MissingHandlers(definition, Handlers, Options.Mocks, Options.AwaitCallbacksWithoutHandler).ToList();
        if (missing.Count > 0)
        {
            throw new MissingTaskHandlerException("These Task states cannot be served (register a handler or mock them):" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", missing));
        }

        var runId = request.RunId ?? Guid.NewGuid().ToString();
        ObjectKey.Validate(Options.Key(Options.HistoryKey, runId));
        var inputBytes = JsonNodes.ToUtf8(request.Input);
        var record = new ExecutionRecord
        {
            RunId = runId,
            ExecutionArn = ExecutionArn(definition.Name, runId),
            StateMachineName = definition.Name,
            Definition = definition.Text,
            Input = Encoding.UTF8.GetString(inputBytes),
            Status = ExecutionStatus.Running,
            StartDate = DateTimeOffset.UtcNow,
            Metadata = request.Metadata ?? new Dictionary<string, string>(),
        };
        var history = new HistoryRecorder(Options.Store, HistoryKey(runId), Options.RecordHistory, observer: Options.OnEvent);
        var run = NewRun(definition, record, history, redriveTime: null);
        var flow = new Flow(run, 0);
        flow.Record("ExecutionStarted", "executionStartedEventDetails", w =>
        {
            w.WriteString("input", inputBytes);
            Interpreter.WriteDetails(w, "inputDetails");
            w.WriteString("roleArn", run.RoleArn);
            w.WriteString("stateMachineArn", run.StateMachineArn);
        });
        await SaveAsync(record, cancellationToken).ConfigureAwait(false);
        if (inputBytes.Length > PayloadLimits.MaxBytes)
        {
            return await FinishAsync(record, run, flow, ExecutionStatus.Failed, null, new StatesErrorException(StatesErrors.DataLimitExceeded, $"The execution input is {inputBytes.Length:N0} bytes, over the 262,144-byte limit."), null, cancellationToken).ConfigureAwait(false);
        }

        return await RunAsync(definition, record, run, flow, request.Input, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the execution record persisted next to the run.</summary>
    public async Task<ExecutionRecord> DescribeExecutionAsync(string runId, CancellationToken cancellationToken = default)
    {
        var store = Options.Store ?? throw new InvalidOperationException("Describing a run needs an object store.");
        var key = Options.Key(Options.ExecutionRecordKey, runId);
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            throw ObjectNotFoundException.ForKey(key);
        }

        return ExecutionRecord.FromJson(await store.ReadTextAsync(key, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Like RedriveExecution: restarts a FAILED, TIMED_OUT or ABORTED execution at the state that did not
    /// succeed, with the input that state had; inside Parallel and Map only what did not succeed reruns.
    /// </summary>
    public async Task<ExecutionResult> RedriveExecutionAsync(string runId, CancellationToken cancellationToken = default)
    {
        var record = await DescribeExecutionAsync(runId, cancellationToken).ConfigureAwait(false);
        if (record.Status is ExecutionStatus.Succeeded or ExecutionStatus.Running)
        {
            throw new ExecutionNotRedrivableException($"Execution '{runId}' is {ExecutionRecord.StatusName(record.Status)}; only FAILED, TIMED_OUT or ABORTED executions can be redriven.");
        }

        var definition = DefinitionLoader.Load(record.Definition, null, record.StateMachineName);
        var missing = TaskInvoker.MissingHandlers(definition, Handlers, Options.Mocks, Options.AwaitCallbacksWithoutHandler).ToList();
        if (missing.Count > 0)
        {
            throw new MissingTaskHandlerException("These Task states cannot be served (register a handler or mock them):" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", missing));
        }

        var existing = Array.Empty<byte>();
        var historyKey = HistoryKey(runId);
        if (Options.Store is { } store && Options.RecordHistory && await store.ExistsAsync(historyKey, cancellationToken).ConfigureAwait(false))
        {
            existing = await store.ReadBytesAsync(historyKey, cancellationToken).ConfigureAwait(false);
        }

        var redriven = record with
        {
            Status = ExecutionStatus.Running,
            RedriveCount = record.RedriveCount + 1,
            StopDate = null,
            Error = null,
            Cause = null,
        };
        var history = new HistoryRecorder(Options.Store, historyKey, Options.RecordHistory, existing, record.LastEventId + 1, observer: Options.OnEvent);
        var run = NewRun(definition, redriven, history, DateTimeOffset.UtcNow);
        var flow = new Flow(run, record.LastEventId);
        flow.Record("ExecutionRedriven", "executionRedrivenEventDetails", w => w.WriteNumber("redriveCount", redriven.RedriveCount));
        await SaveAsync(redriven, cancellationToken).ConfigureAwait(false);
        var resume = record.RedrivePoint ?? new RedrivePoint { StateName = definition.Body.StartAt, StateInput = JsonNodes.Parse(record.Input) };
        return await RunAsync(definition, redriven, run, flow, null, resume, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes a waiting <c>.waitForTaskToken</c> task in this process.</summary>
    public void SendTaskSuccess(string taskToken, JsonNode? output)
    {
        if (!_tokens.TrySucceed(taskToken, output))
        {
            throw new TaskTokenNotFoundException($"No task is waiting for token '{taskToken}'.");
        }
    }

    public void SendTaskFailure(string taskToken, string error, string cause)
    {
        if (!_tokens.TryFail(taskToken, error, cause))
        {
            throw new TaskTokenNotFoundException($"No task is waiting for token '{taskToken}'.");
        }
    }

    public void SendTaskHeartbeat(string taskToken)
    {
        if (!_tokens.TryHeartbeat(taskToken))
        {
            throw new TaskTokenNotFoundException($"No task is waiting for token '{taskToken}'.");
        }
    }

    /// <summary>
    /// Completes a callback task of a run executing in another process: the waiting task polls the store
    /// for this message (status SUCCESS, FAILURE or HEARTBEAT).
    /// </summary>
    public static async Task SendTaskResultAsync(IObjectStore store, LocalExecutorOptions options, string runId, string taskToken, JsonObject message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(message);
        var key = options.Key(options.TaskTokenKey, runId, token: TaskInvoker.TokenFileName(taskToken));
        await store.WriteTextAsync(key, message.ToJsonString(JsonNodes.Compact), "application/json", cancellationToken).ConfigureAwait(false);
    }

    private string ExecutionArn(string stateMachine, string runId) =>
        $"arn:aws:states:{Options.Region}:{Options.AccountId}:execution:{stateMachine}:{runId}";

    private ExecutionRun NewRun(StateMachineDefinition definition, ExecutionRecord record, HistoryRecorder history, DateTimeOffset? redriveTime) => new()
    {
        Options = Options,
        Handlers = Handlers,
        Tokens = _tokens,
        Definition = definition,
        RunId = record.RunId,
        Name = record.RunId,
        ExecutionArn = record.ExecutionArn,
        StateMachineArn = $"arn:aws:states:{Options.Region}:{Options.AccountId}:stateMachine:{definition.Name}",
        StateMachineName = definition.Name,
        StartTime = record.StartDate,
        ExecutionInput = JsonNodes.Parse(record.Input),
        History = history,
        RedriveCount = record.RedriveCount,
        RedriveTime = redriveTime,
    };

    private async Task<ExecutionResult> RunAsync(StateMachineDefinition definition, ExecutionRecord record, ExecutionRun run, Flow flow, JsonNode? input, RedrivePoint? resume, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (definition.TimeoutSeconds is { } seconds)
        {
            timeout.CancelAfter(run.Timeout(seconds));
        }

        try
        {
            var output = await Interpreter.RunBodyAsync(definition.Body, input, flow, resume, timeout.Token).ConfigureAwait(false);
            return await FinishAsync(record, run, flow, ExecutionStatus.Succeeded, output, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StatesErrorException e)
        {
            return await FinishAsync(record, run, flow, ExecutionStatus.Failed, null, e, e.RedrivePoint, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var point = flow.Current is { } current ? new RedrivePoint { StateName = current.Name, StateInput = current.Input() } : null;
            var aborted = cancellationToken.IsCancellationRequested;
            var error = aborted
                ? new StatesErrorException("States.Aborted", "The execution was stopped.")
                : new StatesErrorException(StatesErrors.Timeout, $"The execution did not finish within {definition.TimeoutSeconds} seconds (TimeoutSeconds).");
            return await FinishAsync(record, run, flow, aborted ? ExecutionStatus.Aborted : ExecutionStatus.TimedOut, null, error, point, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ExecutionResult> FinishAsync(ExecutionRecord record, ExecutionRun run, Flow flow, ExecutionStatus status, JsonNode? output, StatesErrorException? error, RedrivePoint? point, CancellationToken cancellationToken)
    {
        string? outputText = null;
        switch (status)
        {
            case ExecutionStatus.Succeeded:
                var bytes = JsonNodes.ToUtf8(output);
                outputText = Encoding.UTF8.GetString(bytes);
                flow.Record("ExecutionSucceeded", "executionSucceededEventDetails", w =>
                {
                    w.WriteString("output", bytes);
                    Interpreter.WriteDetails(w, "outputDetails");
                });
                break;
            case ExecutionStatus.TimedOut:
                flow.Record("ExecutionTimedOut", "executionTimedOutEventDetails", w =>
                {
                    w.WriteString("error", error!.Error);
                    w.WriteString("cause", error.Cause);
                });
                break;
            case ExecutionStatus.Aborted:
                flow.Record("ExecutionAborted", "executionAbortedEventDetails", w =>
                {
                    w.WriteString("error", error!.Error);
                    w.WriteString("cause", error.Cause);
                });
                break;
            default:
                flow.Record("ExecutionFailed", "executionFailedEventDetails", w =>
                {
                    w.WriteString("error", error!.Error);
                    w.WriteString("cause", error.Cause);
                });
                break;
        }

        var stopped = DateTimeOffset.UtcNow;
        var finished = record with
        {
            Status = status,
            StopDate = stopped,
            Output = outputText,
            Error = error?.Error,
            Cause = error?.Cause,
            LastEventId = run.History.LastEventId,
            RedrivePoint = point,
        };
        await run.History.FlushAsync(cancellationToken).ConfigureAwait(false);
        await SaveAsync(finished, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(record.RunId, record.ExecutionArn, status, output, error?.Error, error?.Cause, record.RedriveCount,
            Options.Store is not null && Options.RecordHistory ? HistoryKey(record.RunId) : null, record.StartDate, stopped);
    }

    private async Task SaveAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        if (Options.Store is { } store)
        {
            await store.WriteTextAsync(Options.Key(Options.ExecutionRecordKey, record.RunId), record.ToJson(), "application/json", cancellationToken).ConfigureAwait(false);
        }
    }
}
