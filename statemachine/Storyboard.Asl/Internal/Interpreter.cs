using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Map;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Internal;

/// <summary>Runs states: data flow, transitions, Retry/Catch, Parallel and inline Map, with history events.</summary>
internal static class Interpreter
{
    private static readonly JsonPathExpression Root = JsonPathExpression.Parse("$");

    public static async Task<JsonNode?> RunBodyAsync(StateMachineBody body, JsonNode? input, Flow flow, RedrivePoint? resume, CancellationToken cancellationToken)
    {
        var current = resume?.StateName ?? body.StartAt;
        if (resume is not null)
        {
            input = resume.StateInput?.DeepClone();
        }

        byte[]? carried = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = body.States[current];
            byte[]? inputBytes = null;
            var entered = DateTimeOffset.UtcNow;
            if (flow.Run.History.Enabled)
            {
                // A state's input is the previous state's output, already serialized for its exit event.
                inputBytes = carried ?? JsonNodes.ToUtf8(input);
                var bytes = inputBytes;
                flow.Record(state.TypeName + "StateEntered", "stateEnteredEventDetails", w =>
                {
                    w.WriteString("name", state.Name);
                    w.WriteString("input", bytes);
                    WriteDetails(w, "inputDetails");
                });
            }

            var original = input;
            JsonNode? Snapshot() => inputBytes is not null ? JsonNode.Parse(inputBytes) : original;
            flow.Current = (state.Name, Snapshot);
            (JsonNode? Output, string? Next) step;
            try
            {
                step = await RunStateAsync(state, input, inputBytes, flow, resume?.StateName == state.Name ? resume : null, entered, Snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (StatesErrorException e)
            {
                e.RedrivePoint ??= new RedrivePoint { StateName = state.Name, StateInput = Snapshot() };
                throw;
            }

            resume = null;
            var outputBytes = JsonNodes.ToUtf8(step.Output);
            PayloadLimits.Check(outputBytes.Length, $"output of state '{state.Name}'");
            if (state is not FailState)
            {
                flow.Record(state.TypeName + "StateExited", "stateExitedEventDetails", w =>
                {
                    w.WriteString("name", state.Name);
                    w.WriteString("output", outputBytes);
                    WriteDetails(w, "outputDetails");
                });
            }

            if (step.Next is null)
            {
                return step.Output;
            }

            current = step.Next;
            input = step.Output;
            carried = outputBytes;
        }
    }

    internal static void WriteDetails(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("truncated", false);
        w.WriteEndObject();
    }

    private static async Task<(JsonNode?, string?)> RunStateAsync(State state, JsonNode? raw, byte[]? rawBytes, Flow flow, RedrivePoint? resume, DateTimeOffset entered, Func<JsonNode?> snapshot, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        switch (state)
        {
            case PassState pass:
            {
                var effective = ResultPaths.Select(pass.InputPath, raw, $"State '{state.Name}' InputPath");
                var result = pass.HasResult ? pass.Result?.DeepClone()
                    : pass.Parameters is { } p ? p.Evaluate(effective, ContextFactory(run, state, entered, 0, p.UsesContext, includeInput: p.UsesExecutionInput))
                    : effective;
                var output = ResultPaths.Apply(raw, result, pass.ResultPath, state.Name);
                return (ResultPaths.Select(pass.OutputPath, output, $"State '{state.Name}' OutputPath"), pass.Next);
            }

            case ChoiceState choice:
            {
                var effective = ResultPaths.Select(choice.InputPath, raw, $"State '{state.Name}' InputPath");
                var context = ContextFactory(run, state, entered, 0, true);
                foreach (var rule in choice.Choices)
                {
                    if (ChoiceEvaluator.Matches(rule, effective, context))
                    {
                        return (ResultPaths.Select(choice.OutputPath, effective, $"State '{state.Name}' OutputPath"), rule.Next);
                    }
                }

                if (choice.Default is null)
                {
                    // Step Functions reports an unmatched Choice as States.Runtime (States.NoChoiceMatched is reserved).
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. {StatesErrors.NoChoiceMatched}: no Choice rule matched the input and there is no Default.");
                }

                return (ResultPaths.Select(choice.OutputPath, effective, $"State '{state.Name}' OutputPath"), choice.Default);
            }

            case WaitState wait:
            {
                var effective = ResultPaths.Select(wait.InputPath, raw, $"State '{state.Name}' InputPath");
                var delay = WaitDuration(wait, effective, run);
                if (delay > TimeSpan.Zero)
                {
                    await run.History.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }

                return (ResultPaths.Select(wait.OutputPath, effective, $"State '{state.Name}' OutputPath"), wait.Next);
            }

            case SucceedState succeed:
            {
                var effective = ResultPaths.Select(succeed.InputPath, raw, $"State '{state.Name}' InputPath");
                return (ResultPaths.Select(succeed.OutputPath, effective, $"State '{state.Name}' OutputPath"), null);
            }

            case FailState fail:
            {
                var context = ContextFactory(run, state, entered, 0, true);
                var error = fail.Error ?? Dynamic(fail.ErrorPath, fail.ErrorFunction, raw, context, state.Name, "ErrorPath");
                var cause = fail.Cause ?? Dynamic(fail.CausePath, fail.CauseFunction, raw, context, state.Name, "CausePath");
                throw new StatesErrorException(error ?? string.Empty, cause ?? string.Empty) { RedrivePoint = new RedrivePoint { StateName = state.Name, StateInput = snapshot() } };
            }

            case RecoverableState recoverable:
                return await RunRecoverableAsync(recoverable, raw, rawBytes, flow, resume, entered, snapshot, cancellationToken).ConfigureAwait(false);
            default:
                throw StatesErrors.RuntimeError($"State '{state.Name}' has an unsupported type.");
        }
    }

    private static string? Dynamic(JsonPathExpression? path, IntrinsicFunction? function, JsonNode? input, Func<JsonNode?> context, string state, string field)
    {
        JsonNode? value = null;
        if (function is not null)
        {
            value = function.Evaluate(input, context);
        }
        else if (path is not null)
        {
            value = path.Select(path.IsContextPath ? context() : input, $"State '{state}' {field}");
        }
        else
        {
            return null;
        }

        return JsonNodes.TryGetString(value, out var s) ? s
            : throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state}'. {field} must resolve to a string, not {JsonNodes.ToJson(value)}.");
    }

    private static TimeSpan WaitDuration(WaitState wait, JsonNode? input, ExecutionRun run)
    {
        if (wait.Seconds is { } seconds)
        {
            return run.Scaled(seconds);
        }

        if (wait.SecondsPath is { } secondsPath)
        {
            var value = secondsPath.Select(input, $"State '{wait.Name}' SecondsPath");
            if (!JsonNodes.TryGetInteger(value, out var s) || s < 0)
            {
                throw StatesErrors.RuntimeError($"An error occurred while executing the state '{wait.Name}'. SecondsPath '{secondsPath.Text}' must point to a non-negative integer, not {JsonNodes.ToJson(value)}.");
            }

            return run.Scaled(s);
        }

        DateTimeOffset until;
        if (wait.Timestamp is { } timestamp)
        {
            until = timestamp;
        }
        else
        {
            var value = wait.TimestampPath!.Select(input, $"State '{wait.Name}' TimestampPath");
            if (!JsonNodes.TryGetString(value, out var text) || !Timestamps.TryParse(text, out until))
            {
                throw StatesErrors.RuntimeError($"An error occurred while executing the state '{wait.Name}'. TimestampPath '{wait.TimestampPath.Text}' must point to an RFC 3339 timestamp, not {JsonNodes.ToJson(value)}.");
            }
        }

        return run.Scaled(Math.Max(0, (until - DateTimeOffset.UtcNow).TotalSeconds));
    }

    internal static Func<JsonNode?> ContextFactory(ExecutionRun run, State state, DateTimeOffset entered, int retryCount, bool needed, string? token = null, long? itemIndex = null, JsonNode? itemValue = null, bool includeInput = true)
    {
        if (!needed)
        {
            return static () => null;
        }

        JsonNode? cached = null;
        return () => cached ??= run.Context(state, entered, retryCount, token, itemIndex, itemValue, includeInput);
    }

    private static async Task<(JsonNode?, string?)> RunRecoverableAsync(RecoverableState state, JsonNode? raw, byte[]? rawBytes, Flow flow, RedrivePoint? resume, DateTimeOffset entered, Func<JsonNode?> snapshot, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        var retries = new int[state.Retry.Count];
        var totalRetries = 0;
        while (true)
        {
            try
            {
                var effective = ResultPaths.Select(state.InputPath, raw, $"State '{state.Name}' InputPath");
                JsonNode? result = state switch
                {
                    TaskState task => await TaskInvoker.InvokeAsync(task, effective, ReferenceEquals(effective, raw) ? rawBytes : null, flow, entered, totalRetries, cancellationToken).ConfigureAwait(false),
                    ParallelState parallel => await RunParallelAsync(parallel, effective, flow, resume, entered, totalRetries, snapshot, cancellationToken).ConfigureAwait(false),
                    MapState { Distributed: true } map => await DistributedMapRunner.RunAsync(map, effective, flow, resume, entered, totalRetries, snapshot, cancellationToken).ConfigureAwait(false),
                    MapState map => await RunInlineMapAsync(map, effective, flow, resume, entered, totalRetries, snapshot, cancellationToken).ConfigureAwait(false),
                    _ => throw StatesErrors.RuntimeError($"State '{state.Name}' has an unsupported type."),
                };
                resume = null;
                if (state.ResultSelector is { } selector)
                {
                    result = selector.Evaluate(result, ContextFactory(run, state, entered, totalRetries, selector.UsesContext, includeInput: selector.UsesExecutionInput));
                }

                var output = ResultPaths.Apply(raw, result, state.ResultPath, state.Name);
                return (ResultPaths.Select(state.OutputPath, output, $"State '{state.Name}' OutputPath"), state.Next);
            }
            catch (StatesErrorException e) when (!e.IsTerminal)
            {
                var retrier = -1;
                for (var i = 0; i < state.Retry.Count; i++)
                {
                    if (ErrorMatches(state.Retry[i].ErrorEquals, e.Error))
                    {
                        retrier = i;
                        break;
                    }
                }

                if (retrier >= 0 && retries[retrier] < state.Retry[retrier].MaxAttempts)
                {
                    var r = state.Retry[retrier];
                    var delay = r.IntervalSeconds * Math.Pow(r.BackoffRate, retries[retrier]);
                    if (r.MaxDelaySeconds is { } max)
                    {
                        delay = Math.Min(delay, max);
                    }

                    if (r.FullJitter)
                    {
                        delay = Random.Shared.NextDouble() * delay;
                    }

                    retries[retrier]++;
                    totalRetries++;
                    resume = null;
                    await Task.Delay(run.Scaled(delay), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var catcher in state.Catch)
                {
                    if (ErrorMatches(catcher.ErrorEquals, e.Error))
                    {
                        var errorOutput = new JsonObject { ["Error"] = e.Error, ["Cause"] = e.Cause };
                        var input = raw ?? snapshot();
                        return (ResultPaths.Apply(input, errorOutput, catcher.ResultPath, state.Name), catcher.Next);
                    }
                }

                throw;
            }
        }
    }

    /// <summary>States.ALL matches any error; States.TaskFailed any error but States.Timeout; otherwise names match exactly.</summary>
    internal static bool ErrorMatches(IReadOnlyList<string> errorEquals, string error)
    {
        foreach (var name in errorEquals)
        {
            if (name == error || name == StatesErrors.All || (name == StatesErrors.TaskFailed && error != StatesErrors.Timeout))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<JsonNode?> RunParallelAsync(ParallelState state, JsonNode? effective, Flow flow, RedrivePoint? resume, DateTimeOffset entered, int retryCount, Func<JsonNode?> snapshot, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        var input = state.Parameters is { } p ? p.Evaluate(effective, ContextFactory(run, state, entered, retryCount, p.UsesContext, includeInput: p.UsesExecutionInput)) : effective;
        var started = flow.Record("ParallelStateStarted", null, null);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outputs = new JsonNode?[state.Branches.Count];
        var succeeded = new bool[state.Branches.Count];
        var failures = new StatesErrorException?[state.Branches.Count];
        var tasks = new Task[state.Branches.Count];
        for (var i = 0; i < state.Branches.Count; i++)
        {
            var index = i;
            if (resume is not null && resume.SucceededBranches.TryGetValue(index, out var done))
            {
                outputs[index] = done?.DeepClone();
                succeeded[index] = true;
                tasks[index] = Task.CompletedTask;
                continue;
            }

            var branchInput = input?.DeepClone();
            var branchResume = resume is not null && resume.FailedBranches.TryGetValue(index, out var point) ? point : null;
            tasks[index] = Task.Run(async () =>
            {
                try
                {
                    outputs[index] = await RunBodyAsync(state.Branches[index], branchInput, new Flow(run, started), branchResume, failFast.Token).ConfigureAwait(false);
                    succeeded[index] = true;
                }
                catch (StatesErrorException e)
                {
                    failures[index] = e;
                    await failFast.CancelAsync().ConfigureAwait(false);
                }
            }, CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A sibling failed; its error is reported below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        var failure = failures.FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            flow.Record("ParallelStateFailed", null, null);
            var point = new RedrivePoint { StateName = state.Name, StateInput = snapshot() };
            for (var i = 0; i < outputs.Length; i++)
            {
                if (succeeded[i])
                {
                    point.SucceededBranches[i] = outputs[i];
                }
                else if (failures[i]?.RedrivePoint is { } inner)
                {
                    point.FailedBranches[i] = inner;
                }
            }

            throw new StatesErrorException(failure.Error, failure.Cause) { RedrivePoint = point };
        }

        flow.Record("ParallelStateSucceeded", null, null);
        var result = new JsonArray();
        foreach (var output in outputs)
        {
            result.Add(JsonNodes.Detached(output));
        }

        return result;
    }

    internal static int ResolveMaxConcurrency(MapState state, JsonNode? input)
    {
        if (state.MaxConcurrencyPath is { } path)
        {
            var value = path.Select(input, $"State '{state.Name}' MaxConcurrencyPath");
            if (!JsonNodes.TryGetInteger(value, out var n) || n < 0)
            {
                throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. MaxConcurrencyPath must point to a non-negative integer, not {JsonNodes.ToJson(value)}.");
            }

            return (int)n;
        }

        return state.MaxConcurrency;
    }

    private static async Task<JsonNode?> RunInlineMapAsync(MapState state, JsonNode? effective, Flow flow, RedrivePoint? resume, DateTimeOffset entered, int retryCount, Func<JsonNode?> snapshot, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        var itemsNode = state.ItemsPath is { } itemsPath
            ? itemsPath.Select(itemsPath.IsContextPath ? run.Context(state, entered, retryCount) : effective, $"State '{state.Name}' ItemsPath")
            : effective;
        if (itemsNode is not JsonArray items)
        {
            throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. ItemsPath '{state.ItemsPath?.Text}' must point to an array, not {JsonNodes.ToJson(itemsNode)}.");
        }

        var maxConcurrency = ResolveMaxConcurrency(state, effective);
        var started = flow.Record("MapStateStarted", "mapStateStartedEventDetails", w => w.WriteNumber("length", items.Count));
        var results = new JsonNode?[items.Count];
        var succeeded = new bool[items.Count];
        var failures = new StatesErrorException?[items.Count];
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var workers = Math.Min(items.Count, run.Options.MapWorkers(maxConcurrency));

        // Workers start inline: a worker whose iterations complete synchronously keeps the thread and the
        // next worker starts only when one really waits, so concurrency grows where it helps (I/O-bound
        // handlers) and costs nothing where it does not.
        async Task Worker()
        {
            while (!failFast.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= items.Count)
                {
                    return;
                }

                if (resume is not null && resume.SucceededIterations.TryGetValue(index, out var done))
                {
                    results[index] = done?.DeepClone();
                    succeeded[index] = true;
                    continue;
                }

                var iteration = new Flow(run, started);
                iteration.Record("MapIterationStarted", "mapIterationStartedEventDetails", w =>
                {
                    w.WriteString("name", state.Name);
                    w.WriteNumber("index", index);
                });
                try
                {
                    var item = items[index];
                    var input = state.ItemSelector is { } selector
                        ? selector.Evaluate(effective, ContextFactory(run, state, entered, retryCount, selector.UsesContext, null, index, item, selector.UsesExecutionInput))
                        : item?.DeepClone();
                    var point = resume is not null && resume.FailedIterations.TryGetValue(index, out var p) ? p : null;
                    results[index] = await RunBodyAsync(state.Processor, input, iteration, point, failFast.Token).ConfigureAwait(false);
                    succeeded[index] = true;
                    iteration.Record("MapIterationSucceeded", "mapIterationSucceededEventDetails", w =>
                    {
                        w.WriteString("name", state.Name);
                        w.WriteNumber("index", index);
                    });
                }
                catch (StatesErrorException e)
                {
                    failures[index] = e;
                    iteration.Record("MapIterationFailed", "mapIterationFailedEventDetails", w =>
                    {
                        w.WriteString("name", state.Name);
                        w.WriteNumber("index", index);
                    });
                    await failFast.CancelAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (failFast.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    iteration.Record("MapIterationAborted", "mapIterationAbortedEventDetails", w =>
                    {
                        w.WriteString("name", state.Name);
                        w.WriteNumber("index", index);
                    });
                }
            }
        }

        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            tasks[i] = Worker();
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var failure = failures.FirstOrDefault(f => f is not null);
        if (failure is not null)
        {
            flow.Record("MapStateFailed", null, null);
            var point = new RedrivePoint { StateName = state.Name, StateInput = snapshot() };
            for (var i = 0; i < results.Length; i++)
            {
                if (succeeded[i])
                {
                    point.SucceededIterations[i] = results[i];
                }
                else if (failures[i]?.RedrivePoint is { } inner)
                {
                    point.FailedIterations[i] = inner;
                }
            }

            throw new StatesErrorException(failure.Error, failure.Cause) { RedrivePoint = point };
        }

        flow.Record("MapStateSucceeded", null, null);
        var array = new JsonArray();
        foreach (var result in results)
        {
            array.Add(JsonNodes.Detached(result));
        }

        return array;
    }
}
