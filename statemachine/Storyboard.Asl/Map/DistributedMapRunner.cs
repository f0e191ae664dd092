using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Asl.Internal;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Map;

/// <summary>
/// A Distributed Map: a Map Run of child executions, each with its own history, fed by ItemReader or
/// ItemsPath, optionally batched, run up to MaxConcurrency at a time, judged against the tolerated
/// failure threshold, with results streamed to the ResultWriter location.
/// </summary>
internal static class DistributedMapRunner
{
    private const string ThresholdCause = "The specified tolerated failure threshold was exceeded";

    public static async Task<JsonNode?> RunAsync(MapState state, JsonNode? effective, Flow flow, RedrivePoint? resume, DateTimeOffset entered, int retryCount, Func<JsonNode?> snapshot, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        var store = run.Options.Store;
        var checkpoint = resume?.MapRun;
        var mapRunId = checkpoint?.MapRunId ?? Guid.NewGuid().ToString();
        var label = state.Label ?? state.Name;
        var mapRunArn = $"arn:aws:states:{run.Options.Region}:{run.Options.AccountId}:mapRun:{run.StateMachineName}/{label}:{mapRunId}";
        var context = Interpreter.ContextFactory(run, state, entered, retryCount, true);

        // Items: an async stream either way, so a JSONL file of any length is read lazily.
        IAsyncEnumerable<JsonNode?> items;
        if (state.ItemReader is { } reader)
        {
            if (store is null)
            {
                throw new StatesErrorException(StatesErrors.ItemReaderFailed, "An ItemReader needs an object store; run with a store.");
            }

            var parameters = reader.Parameters.Evaluate(effective, context) as JsonObject ?? [];
            var maxItems = reader.MaxItems;
            if (reader.MaxItemsPath is { } maxPath && JsonNodes.TryGetInteger(maxPath.Select(effective, $"State '{state.Name}' MaxItemsPath"), out var m))
            {
                maxItems = m;
            }

            items = ItemSource.ReadAsync(reader, parameters, maxItems, store, cancellationToken);
        }
        else
        {
            var node = state.ItemsPath!.Select(state.ItemsPath.IsContextPath ? context() : effective, $"State '{state.Name}' ItemsPath");
            if (node is not JsonArray array)
            {
                throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. ItemsPath must point to an array, not {JsonNodes.ToJson(node)}.");
            }

            items = Enumerate(array);
        }

        ResultFileWriter? writer = null;
        string? bucket = null;
        if (state.ResultWriter?.Parameters is { } writerParameters)
        {
            if (store is null)
            {
                throw new StatesErrorException(StatesErrors.ResultWriterFailed, "A ResultWriter needs an object store; run with a store.");
            }

            var p = writerParameters.Evaluate(effective, context) as JsonObject ?? [];
            bucket = JsonNodes.TryGetString(p["Bucket"], out var b) ? b : string.Empty;
            var prefix = JsonNodes.TryGetString(p["Prefix"], out var pre) ? pre : string.Empty;
            writer = new ResultFileWriter(store, prefix, mapRunId, state.ResultWriter.OutputType == "JSONL", checkpoint?.SucceededFiles ?? []);
        }

        var transformation = state.ResultWriter?.Transformation ?? (state.ResultWriter is null ? "COMPACT" : "NONE");
        var maxConcurrency = Interpreter.ResolveMaxConcurrency(state, effective);
        var batching = Batching.Resolve(state.ItemBatcher, effective, state.Name);
        var batchInput = state.ItemBatcher?.BatchInput?.Evaluate(effective, context);
        var childHistory = new ChildHistorySink(run.Options.RecordHistory ? store : null, run.Options.Key(run.Options.ChildHistoryPrefix, run.RunId, mapRunId));

        // With an ItemReader the items are streamed, so their number is not known when the Map starts.
        var length = state.ItemReader is null && state.ItemsPath!.Select(state.ItemsPath.IsContextPath ? context() : effective, state.Name) is JsonArray known ? known.Count : 0;
        flow.Record("MapStateStarted", "mapStateStartedEventDetails", w => w.WriteNumber("length", length));
        if (checkpoint is not null)
        {
            checkpoint.RedriveCount++;
            flow.Record("MapRunRedriven", "mapRunRedrivenEventDetails", w =>
            {
                w.WriteString("mapRunArn", mapRunArn);
                w.WriteNumber("redriveCount", checkpoint.RedriveCount);
            });
        }
        else
        {
            flow.Record("MapRunStarted", "mapRunStartedEventDetails", w => w.WriteString("mapRunArn", mapRunArn));
        }

        var outcome = new MapRunOutcome();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var enumerator = items.GetAsyncEnumerator(stop.Token);
        var fetchGate = new SemaphoreSlim(1, 1);
        var nextChild = 0L;
        var sourceDone = false;
        var failedIndexes = new List<long>();
        var thresholdExceeded = false;

        async Task<(long Index, JsonNode? Input, long ItemCount)?> FetchAsync()
        {
            await fetchGate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                if (sourceDone)
                {
                    return null;
                }

                var batch = batching.Enabled ? new JsonArray() : null;
                var batchBytes = 0L;
                JsonNode? single = null;
                var count = 0L;
                while (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    var itemIndex = outcome.ItemCount++;
                    var item = enumerator.Current;
                    if (state.ItemSelector is { } selector)
                    {
                        item = selector.Evaluate(effective, Interpreter.ContextFactory(run, state, entered, retryCount, selector.UsesContext, null, itemIndex, item, selector.UsesExecutionInput));
                    }

                    count++;
                    if (batch is null)
                    {
                        single = item;
                        break;
                    }

                    batch.Add(JsonNodes.Detached(item));
                    if (batching.MaxBytes is { } maxBytes)
                    {
                        batchBytes += JsonNodes.ToUtf8(item).Length;
                        if (batchBytes >= maxBytes)
                        {
                            break;
                        }
                    }

                    if (batching.MaxItems is { } maxItems && batch.Count >= maxItems)
                    {
                        break;
                    }
                }

                if (count == 0)
                {
                    sourceDone = true;
                    return null;
                }

                var input = batch is null ? single : BatchInput(batch, batchInput);
                return (nextChild++, input, count);
            }
            finally
            {
                fetchGate.Release();
            }
        }

        // Workers start inline and only fan out when a child really waits (see the inline Map).
        async Task Worker()
        {
            while (!stop.IsCancellationRequested)
            {
                var next = await FetchAsync().ConfigureAwait(false);
                if (next is not { } child)
                {
                    return;
                }

                if (checkpoint?.Succeeded(child.Index) == true)
                {
                    outcome.Succeeded(child.Index, checkpoint.SucceededOutputs.GetValueOrDefault(child.Index)?.DeepClone(), keepInline: writer is null);
                    continue;
                }

                var result = await RunChildAsync(state, run, mapRunId, label, child.Index, child.Input, childHistory, stop.Token).ConfigureAwait(false);
                if (result.Status == "SUCCEEDED")
                {
                    outcome.Succeeded(child.Index, writer is null ? Transform(result, transformation) : null, keepInline: writer is null);
                    if (writer is not null)
                    {
                        foreach (var entry in Entries(result, transformation))
                        {
                            await writer.AddAsync("SUCCEEDED", entry, stop.Token).ConfigureAwait(false);
                        }
                    }
                }
                else if (result.Status == "FAILED")
                {
                    lock (failedIndexes)
                    {
                        failedIndexes.Add(child.Index);
                    }

                    outcome.Failed(child.Index, writer is null ? Metadata(result) : null);
                    if (writer is not null)
                    {
                        await writer.AddAsync("FAILED", Metadata(result), stop.Token).ConfigureAwait(false);
                    }
                }
                else
                {
                    outcome.Pending(child.Index);
                    if (writer is not null)
                    {
                        await writer.AddAsync("PENDING", Metadata(result), CancellationToken.None).ConfigureAwait(false);
                    }
                }

                if (writer is null && outcome.InlineBytes > PayloadLimits.MaxBytes)
                {
                    throw new StatesErrorException(StatesErrors.DataLimitExceeded, $"The results of Map state '{state.Name}' exceed 256 KiB; add a ResultWriter to export them to the store.");
                }

                if (Exceeds(state, effective, outcome, final: false))
                {
                    thresholdExceeded = true;
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }

        var workers = run.Options.MapWorkers(maxConcurrency);
        var tasks = Enumerable.Range(0, workers).Select(_ => Worker()).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (thresholdExceeded && !cancellationToken.IsCancellationRequested)
        {
            // The threshold stopped the run; the failure is reported below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        thresholdExceeded |= Exceeds(state, effective, outcome, final: true);
        await childHistory.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (writer is not null)
        {
            await writer.CompleteAsync(bucket!, mapRunArn, cancellationToken).ConfigureAwait(false);
        }

        if (thresholdExceeded)
        {
            flow.Record("MapRunFailed", "mapRunFailedEventDetails", w =>
            {
                w.WriteString("error", StatesErrors.ExceedToleratedFailureThreshold);
                w.WriteString("cause", ThresholdCause);
            });
            flow.Record("MapStateFailed", null, null);
            var saved = new DistributedMapCheckpoint
            {
                MapRunId = mapRunId,
                RedriveCount = checkpoint?.RedriveCount ?? 0,
                SucceededChildren = DistributedMapCheckpoint.ToRanges(outcome.SucceededIndexes),
                SucceededFiles = writer?.SucceededFiles.ToList() ?? [],
                SucceededOutputs = writer is null ? outcome.SucceededOutputs() : [],
            };
            throw new StatesErrorException(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause)
            {
                RedrivePoint = new RedrivePoint { StateName = state.Name, StateInput = snapshot(), MapRun = saved },
            };
        }

        flow.Record("MapRunSucceeded", null, null);
        flow.Record("MapStateSucceeded", null, null);
        if (writer is not null)
        {
            return new JsonObject
            {
                ["MapRunArn"] = mapRunArn,
                ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = writer.ManifestKey },
            };
        }

        return outcome.InlineResults(transformation == "FLATTEN");
    }

    private static async IAsyncEnumerable<JsonNode?> Enumerate(JsonArray array)
    {
        foreach (var item in array)
        {
            yield return item?.DeepClone();
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static JsonObject BatchInput(JsonArray batch, JsonNode? batchInput)
    {
        var input = new JsonObject();
        if (batchInput is not null)
        {
            input["BatchInput"] = batchInput.DeepClone();
        }

        input["Items"] = batch;
        return input;
    }

    /// <summary>
    /// The count threshold is checked as children fail; the percentage only once the number of children is
    /// known (items are streamed), so an early failure is not judged against a partial total.
    /// </summary>
    private static bool Exceeds(MapState state, JsonNode? input, MapRunOutcome outcome, bool final)
    {
        var failed = outcome.FailedCount;
        if (failed == 0)
        {
            return false;
        }

        double? percentage = state.ToleratedFailurePercentage;
        if (state.ToleratedFailurePercentagePath is { } pp && JsonNodes.TryGetNumber(pp.Select(input, $"State '{state.Name}' ToleratedFailurePercentagePath"), out var pv))
        {
            percentage = pv;
        }

        long? count = state.ToleratedFailureCount;
        if (state.ToleratedFailureCountPath is { } cp && JsonNodes.TryGetInteger(cp.Select(input, $"State '{state.Name}' ToleratedFailureCountPath"), out var cv))
        {
            count = cv;
        }

        if (percentage is null && count is null)
        {
            return true;
        }

        var total = Math.Max(1, outcome.ChildCount);
        return (count is { } c && failed > c) || (final && percentage is { } p && failed * 100.0 / total > p);
    }

    private static async Task<ChildResult> RunChildAsync(MapState state, ExecutionRun parent, string mapRunId, string label, long index, JsonNode? input, ChildHistorySink history, CancellationToken cancellationToken)
    {
        var name = ChildName(mapRunId, index);
        var arn = $"arn:aws:states:{parent.Options.Region}:{parent.Options.AccountId}:execution:{parent.StateMachineName}/{label}:{name}";
        var started = DateTimeOffset.UtcNow;
        var inputBytes = JsonNodes.ToUtf8(input);
        var recorder = new HistoryRecorder(null, null, parent.Options.RecordHistory, executionArn: arn, observer: parent.Options.OnEvent);
        var child = new ExecutionRun
        {
            Options = parent.Options,
            Handlers = parent.Handlers,
            Tokens = parent.Tokens,
            Definition = parent.Definition,
            RunId = parent.RunId,
            Name = name,
            ExecutionArn = arn,
            StateMachineArn = $"{parent.StateMachineArn}/{label}",
            StateMachineName = $"{parent.StateMachineName}/{label}",
            StartTime = started,
            ExecutionInput = JsonNode.Parse(inputBytes),
            History = recorder,
        };
        var flow = new Flow(child, 0);
        flow.Record("ExecutionStarted", "executionStartedEventDetails", w =>
        {
            w.WriteString("input", inputBytes);
            Interpreter.WriteDetails(w, "inputDetails");
            w.WriteString("roleArn", child.RoleArn);
        });
        ChildResult result;
        try
        {
            PayloadLimits.Check(inputBytes.Length, "child execution input");
            var output = await Interpreter.RunBodyAsync(state.Processor, input, flow, null, cancellationToken).ConfigureAwait(false);
            var outputBytes = JsonNodes.ToUtf8(output);
            flow.Record("ExecutionSucceeded", "executionSucceededEventDetails", w =>
            {
                w.WriteString("output", outputBytes);
                Interpreter.WriteDetails(w, "outputDetails");
            });
            result = new ChildResult(arn, name, started, DateTimeOffset.UtcNow, "SUCCEEDED", inputBytes, output, outputBytes, null, null, child.StateMachineArn);
        }
        catch (StatesErrorException e)
        {
            flow.Record("ExecutionFailed", "executionFailedEventDetails", w =>
            {
                w.WriteString("error", e.Error);
                w.WriteString("cause", e.Cause);
            });
            result = new ChildResult(arn, name, started, DateTimeOffset.UtcNow, "FAILED", inputBytes, null, null, e.Error, e.Cause, child.StateMachineArn);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            flow.Record("ExecutionAborted", null, null);
            result = new ChildResult(arn, name, started, DateTimeOffset.UtcNow, "PENDING", inputBytes, null, null, null, null, child.StateMachineArn);
        }

        await history.AddAsync(recorder.ToArray(), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>A stable name per item position, so a redriven child keeps its name.</summary>
    private static string ChildName(string mapRunId, long index)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{mapRunId}/{index}"));
        return new Guid(hash).ToString();
    }

    private static JsonNode? Transform(ChildResult result, string transformation) =>
        transformation == "NONE" ? Metadata(result) : result.Output?.DeepClone();

    private static IEnumerable<JsonNode?> Entries(ChildResult result, string transformation)
    {
        if (transformation == "FLATTEN" && result.Output is JsonArray array)
        {
            foreach (var item in array)
            {
                yield return item?.DeepClone();
            }
        }
        else
        {
            yield return Transform(result, transformation);
        }
    }

    /// <summary>The execution record shape Step Functions exports for a child (Input and Output as JSON strings).</summary>
    private static JsonObject Metadata(ChildResult r)
    {
        var entry = new JsonObject
        {
            ["ExecutionArn"] = r.ExecutionArn,
            ["Input"] = Encoding.UTF8.GetString(r.InputBytes),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = r.Name,
        };
        if (r.Status == "SUCCEEDED")
        {
            entry["Output"] = Encoding.UTF8.GetString(r.OutputBytes!);
            entry["OutputDetails"] = new JsonObject { ["Included"] = true };
        }

        if (r.Error is not null)
        {
            entry["Error"] = r.Error;
            entry["Cause"] = r.Cause;
        }

        entry["RedriveCount"] = 0;
        entry["RedriveStatus"] = r.Status == "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE";
        entry["RedriveStatusReason"] = r.Status == "SUCCEEDED" ? "Execution is SUCCEEDED and cannot be redriven" : $"Execution is {r.Status} and can be redriven";
        entry["StartDate"] = Timestamps.Format(r.StartDate);
        entry["StateMachineArn"] = r.StateMachineArn;
        entry["Status"] = r.Status;
        entry["StopDate"] = Timestamps.Format(r.StopDate);
        return entry;
    }
}
