using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Paths;
using Storyboard.Asl.Tasks;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Internal;

/// <summary>
/// Runs one Task attempt: resolves the resource to a handler, service or mock, enforces TimeoutSeconds,
/// HeartbeatSeconds and the payload limit, and names errors the way Step Functions does.
/// </summary>
internal static class TaskInvoker
{
    private const string LambdaInvoke = "arn:aws:states:::lambda:invoke";
    private const string AwsSdk = "arn:aws:states:::aws-sdk:";
    private const string CallbackSuffix = ".waitForTaskToken";

    /// <param name="effectiveBytes">The serialized effective input when already at hand (no InputPath), saving a serialization.</param>
    public static async Task<JsonNode?> InvokeAsync(TaskState state, JsonNode? effective, byte[]? effectiveBytes, Flow flow, DateTimeOffset entered, int retryCount, CancellationToken cancellationToken)
    {
        var run = flow.Run;
        var callback = state.Resource.EndsWith(CallbackSuffix, StringComparison.Ordinal);
        var token = callback ? NewToken() : null;
        var parameters = state.Parameters is { } p
            ? p.Evaluate(effective, Interpreter.ContextFactory(run, state, entered, retryCount, p.UsesContext, token, includeInput: p.UsesExecutionInput))
            : effective;
        var parameterBytes = state.Parameters is null && effectiveBytes is not null ? effectiveBytes : JsonNodes.ToUtf8(parameters);
        PayloadLimits.Check(parameterBytes.Length, $"input to the task of state '{state.Name}' (after Parameters)");

        var timeout = Seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, effective, state.Name, "TimeoutSecondsPath");
        var heartbeat = Seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, effective, state.Name, "HeartbeatSecondsPath");
        var (kind, resourceType, resource) = Describe(state.Resource);
        var lambdaArn = kind == ResourceKind.LambdaArn;
        var prefix = lambdaArn ? "LambdaFunction" : "Task";
        flow.Record(prefix + "Scheduled", lambdaArn ? "lambdaFunctionScheduledEventDetails" : "taskScheduledEventDetails", w =>
        {
            if (lambdaArn)
            {
                w.WriteString("resource", state.Resource);
                w.WriteString("input", parameterBytes);
            }
            else
            {
                w.WriteString("resourceType", resourceType);
                w.WriteString("resource", resource);
                w.WriteString("region", run.Options.Region);
                w.WriteString("parameters", parameterBytes);
            }

            if (timeout is { } t)
            {
                w.WriteNumber("timeoutInSeconds", t);
            }

            if (heartbeat is { } h && !lambdaArn)
            {
                w.WriteNumber("heartbeatInSeconds", h);
            }
        });
        flow.Record(prefix + "Started", lambdaArn ? null : "taskStartedEventDetails", lambdaArn ? null : w =>
        {
            w.WriteString("resourceType", resourceType);
            w.WriteString("resource", resource);
        });

        // Only a task with a timeout pays for a linked token source.
        using var timeoutSource = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource?.CancelAfter(run.Timeout(timeout!.Value));
        var taskToken = timeoutSource?.Token ?? cancellationToken;

        try
        {
            JsonNode? result;
            if (run.Options.Mocks is { } mocks && mocks.Mocks(state.Name))
            {
                var mocked = mocks.Next(state.Name);
                if (mocked.Throws)
                {
                    throw new StatesErrorException(mocked.Error!, mocked.Cause ?? string.Empty);
                }

                result = mocked.Return?.DeepClone();
            }
            else if (callback && run.Options.AwaitCallbacksWithoutHandler && !CanDispatch(state, kind, parameters, run.Handlers))
            {
                result = await WaitForCallbackAsync(run, token!, heartbeat, taskToken).ConfigureAwait(false);
            }
            else
            {
                var call = Dispatch(state, kind, parameters, parameterBytes, run, taskToken);
                result = timeoutSource is null ? await call.ConfigureAwait(false) : await call.WaitAsync(taskToken).ConfigureAwait(false);
                if (callback)
                {
                    var submitted = JsonNodes.ToUtf8(result);
                    flow.Record("TaskSubmitted", "taskSubmittedEventDetails", w =>
                    {
                        w.WriteString("resourceType", resourceType);
                        w.WriteString("resource", resource);
                        w.WriteString("output", submitted);
                    });
                    result = await WaitForCallbackAsync(run, token!, heartbeat, taskToken).ConfigureAwait(false);
                }
            }

            var resultBytes = JsonNodes.ToUtf8(result);
            PayloadLimits.Check(resultBytes.Length, $"result of the task of state '{state.Name}'");
            flow.Record(prefix + "Succeeded", lambdaArn ? "lambdaFunctionSucceededEventDetails" : "taskSucceededEventDetails", w =>
            {
                if (!lambdaArn)
                {
                    w.WriteString("resourceType", resourceType);
                    w.WriteString("resource", resource);
                }

                w.WriteString("output", resultBytes);
                Interpreter.WriteDetails(w, "outputDetails");
            });
            return result;
        }
        catch (OperationCanceledException) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            var error = new StatesErrorException(StatesErrors.Timeout, $"The task of state '{state.Name}' did not finish within {timeout} seconds (TimeoutSeconds).");
            RecordFailure(flow, lambdaArn ? "LambdaFunctionTimedOut" : "TaskTimedOut", lambdaArn, resourceType, resource, error);
            throw error;
        }
        catch (StatesErrorException e)
        {
            RecordFailure(flow, e.Error == StatesErrors.Timeout || e.Error == StatesErrors.HeartbeatTimeout ? prefix + "TimedOut" : prefix + "Failed", lambdaArn, resourceType, resource, e);
            throw;
        }
    }

    private static void RecordFailure(Flow flow, string type, bool lambdaArn, string resourceType, string resource, StatesErrorException e)
    {
        var details = char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails";
        flow.Record(type, details, w =>
        {
            if (!lambdaArn)
            {
                w.WriteString("resourceType", resourceType);
                w.WriteString("resource", resource);
            }

            w.WriteString("error", e.Error);
            w.WriteString("cause", e.Cause);
        });
    }

    private static int? Seconds(int? fixedValue, JsonPathExpression? path, JsonNode? input, string state, string field)
    {
        if (fixedValue is not null || path is null)
        {
            return fixedValue;
        }

        var value = path.Select(input, $"State '{state}' {field}");
        if (!JsonNodes.TryGetInteger(value, out var seconds) || seconds <= 0)
        {
            throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state}'. {field} '{path.Text}' must point to a positive integer, not {JsonNodes.ToJson(value)}.");
        }

        return (int)seconds;
    }

    private static string NewToken() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray())
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ResourceKind, string, string)> Descriptions = new(StringComparer.Ordinal);

    private static (ResourceKind Kind, string Type, string Resource) Describe(string resource) =>
        Descriptions.GetOrAdd(resource, static r =>
        {
            var kind = Classify(r);
            var (type, name) = ResourceNames(r, kind);
            return (kind, type, name);
        });

    internal enum ResourceKind
    {
        LambdaInvoke,
        LambdaArn,
        AwsSdk,
        Other,
    }

    internal static ResourceKind Classify(string resource)
    {
        var bare = StripPattern(resource);
        if (bare == LambdaInvoke)
        {
            return ResourceKind.LambdaInvoke;
        }

        if (bare.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) && bare.Contains(":function:", StringComparison.Ordinal))
        {
            return ResourceKind.LambdaArn;
        }

        return bare.StartsWith(AwsSdk, StringComparison.Ordinal) ? ResourceKind.AwsSdk : ResourceKind.Other;
    }

    internal static string StripPattern(string resource)
    {
        foreach (var suffix in new[] { CallbackSuffix, ".sync:2", ".sync" })
        {
            if (resource.EndsWith(suffix, StringComparison.Ordinal))
            {
                return resource[..^suffix.Length];
            }
        }

        return resource;
    }

    private static (string Type, string Resource) ResourceNames(string resource, ResourceKind kind)
    {
        if (kind == ResourceKind.LambdaArn)
        {
            return ("lambda", resource);
        }

        // arn:aws:states:::lambda:invoke → ("lambda", "invoke"); arn:aws:states:::aws-sdk:s3:getObject → ("aws-sdk:s3", "getObject").
        var tail = resource.StartsWith("arn:aws:states:::", StringComparison.Ordinal) ? resource["arn:aws:states:::".Length..] : resource;
        var split = tail.LastIndexOf(':');
        return split < 0 ? (tail, tail) : (tail[..split], tail[(split + 1)..]);
    }

    private static bool CanDispatch(TaskState state, ResourceKind kind, JsonNode? parameters, TaskHandlerRegistry handlers)
    {
        var bare = StripPattern(state.Resource);
        return kind switch
        {
            ResourceKind.LambdaInvoke => JsonNodes.TryGetString((parameters as JsonObject)?["FunctionName"], out var name) && handlers.TryGetFunction(name, out _),
            ResourceKind.LambdaArn => handlers.TryGetFunction(bare, out _),
            ResourceKind.AwsSdk => handlers.TryGetService(bare[AwsSdk.Length..].Split(':')[0], out _),
            _ => handlers.TryGetResource(bare, out _),
        };
    }

    /// <summary>Checks before the run that every Task can be served, so a missing handler is not found hours in.</summary>
    internal static IEnumerable<string> MissingHandlers(StateMachineDefinition definition, TaskHandlerRegistry handlers, MockTestCase? mocks, bool awaitCallbacks = false)
    {
        foreach (var state in definition.AllStates.Values.OfType<TaskState>())
        {
            if (mocks?.Mocks(state.Name) == true || (awaitCallbacks && state.Resource.EndsWith(CallbackSuffix, StringComparison.Ordinal)))
            {
                continue;
            }

            var kind = Classify(state.Resource);
            var bare = StripPattern(state.Resource);
            string? missing = kind switch
            {
                ResourceKind.LambdaArn when !handlers.TryGetFunction(bare, out _) => $"state '{state.Name}': no handler for function '{FunctionNames.Normalize(bare)}'",
                ResourceKind.LambdaInvoke => FunctionNameMissing(state, handlers),
                ResourceKind.AwsSdk when !handlers.TryGetService(bare[AwsSdk.Length..].Split(':')[0], out _) => $"state '{state.Name}': no service registered for '{bare[AwsSdk.Length..].Split(':')[0]}'",
                ResourceKind.Other when !handlers.TryGetResource(bare, out _) => $"state '{state.Name}': no handler for resource '{bare}'",
                _ => null,
            };
            if (missing is not null)
            {
                yield return missing;
            }
        }
    }

    private static string? FunctionNameMissing(TaskState state, TaskHandlerRegistry handlers)
    {
        // FunctionName is usually a literal (a substituted ARN); a dynamic name can only be checked when invoked.
        JsonNode? literal = null;
        var found = state.Parameters?.TryGetLiteralField("FunctionName", out literal) == true;
        return found && JsonNodes.TryGetString(literal, out var name) && !handlers.TryGetFunction(name, out _)
            ? $"state '{state.Name}': no handler for function '{FunctionNames.Normalize(name)}'"
            : null;
    }

    private static async Task<JsonNode?> Dispatch(TaskState state, ResourceKind kind, JsonNode? parameters, byte[] parameterBytes, ExecutionRun run, CancellationToken cancellationToken)
    {
        var bare = StripPattern(state.Resource);
        switch (kind)
        {
            case ResourceKind.LambdaInvoke:
            {
                if (parameters is not JsonObject obj || !JsonNodes.TryGetString(obj["FunctionName"], out var functionName))
                {
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. lambda:invoke needs Parameters.FunctionName.");
                }

                if (!run.Handlers.TryGetFunction(functionName, out var handler))
                {
                    throw new StatesErrorException("Lambda.ResourceNotFoundException", $"Function not found: {functionName} (no handler is registered under '{FunctionNames.Normalize(functionName)}').");
                }

                var payload = obj.TryGetPropertyValue("Payload", out var payloadNode) ? JsonNodes.ToUtf8(payloadNode) : "{}"u8.ToArray();
                var output = await InvokeHandlerAsync(handler, payload, lambdaErrors: true, cancellationToken).ConfigureAwait(false);
                return new JsonObject
                {
                    ["ExecutedVersion"] = "$LATEST",
                    ["Payload"] = output,
                    ["SdkHttpMetadata"] = new JsonObject
                    {
                        ["AllHttpHeaders"] = new JsonObject
                        {
                            ["X-Amz-Executed-Version"] = new JsonArray("$LATEST"),
                            ["Content-Type"] = new JsonArray("application/json"),
                        },
                        ["HttpHeaders"] = new JsonObject
                        {
                            ["X-Amz-Executed-Version"] = "$LATEST",
                            ["Content-Type"] = "application/json",
                        },
                        ["HttpStatusCode"] = 200,
                    },
                    ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() },
                    ["StatusCode"] = 200,
                };
            }

            case ResourceKind.LambdaArn:
            {
                if (!run.Handlers.TryGetFunction(bare, out var handler))
                {
                    throw new StatesErrorException("Lambda.ResourceNotFoundException", $"Function not found: {bare}.");
                }

                return await InvokeHandlerAsync(handler, parameterBytes, lambdaErrors: true, cancellationToken).ConfigureAwait(false);
            }

            case ResourceKind.AwsSdk:
            {
                var parts = bare[AwsSdk.Length..].Split(':');
                if (parts.Length != 2 || !run.Handlers.TryGetService(parts[0], out var service))
                {
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. No local implementation is registered for '{bare}'.");
                }

                try
                {
                    return await service.InvokeAsync(parts[1], parameters, cancellationToken).ConfigureAwait(false);
                }
                catch (ServiceIntegrationException e)
                {
                    throw new StatesErrorException(ServiceErrorName(service.ErrorPrefix, e.ErrorCode), $"{e.Message} (Service: {service.ErrorPrefix}, Status Code: 400, Error Code: {e.ErrorCode})");
                }
                catch (Exception e) when (e is not (OperationCanceledException or StatesErrorException))
                {
                    throw new StatesErrorException(ServiceErrorName(service.ErrorPrefix, e.GetType().Name), e.Message);
                }
            }

            default:
            {
                if (!run.Handlers.TryGetResource(bare, out var handler))
                {
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{state.Name}'. No local implementation is registered for '{bare}'.");
                }

                return await InvokeHandlerAsync(handler, parameterBytes, lambdaErrors: false, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Service.Code, with the "Exception" suffix Step Functions always uses (S3.BucketAlreadyExistsException).</summary>
    internal static string ServiceErrorName(string prefix, string code) =>
        $"{prefix}.{code}{(code.EndsWith("Exception", StringComparison.Ordinal) ? string.Empty : "Exception")}";

    private static async Task<JsonNode?> InvokeHandlerAsync(ITaskHandler handler, byte[] payload, bool lambdaErrors, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            using var input = new MemoryStream(payload, writable: false);
            var output = await handler.InvokeAsync(input, cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                if (output is MemoryStream ms && ms.TryGetBuffer(out var segment))
                {
                    bytes = segment.AsSpan((int)ms.Position).ToArray();
                }
                else
                {
                    using var copy = new MemoryStream();
                    await output.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                    bytes = copy.ToArray();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StatesErrorException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw lambdaErrors ? LambdaError(e) : new StatesErrorException(e.GetType().Name, e.Message);
        }

        PayloadLimits.Check(bytes.Length, "task result");
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new StatesErrorException("Lambda.InvalidResponseException", $"The handler returned a body that is not JSON: {e.Message}");
        }
    }

    /// <summary>
    /// A function error as Step Functions reports it for Lambda: Error is the errorType (the exception's
    /// unqualified type name, as the .NET Lambda runtime reports it) and Cause is Lambda's error object.
    /// </summary>
    internal static StatesErrorException LambdaError(Exception e)
    {
        var stack = new JsonArray();
        foreach (var line in (e.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            stack.Add(line);
        }

        var cause = new JsonObject
        {
            ["errorType"] = e.GetType().Name,
            ["errorMessage"] = e.Message,
            ["stackTrace"] = stack,
        };
        return new StatesErrorException(e.GetType().Name, cause.ToJsonString(JsonNodes.Compact));
    }

    private static async Task<JsonNode?> WaitForCallbackAsync(ExecutionRun run, string token, int? heartbeatSeconds, CancellationToken cancellationToken)
    {
        var waiter = run.Tokens.Register(token);
        var store = run.Options.Store;
        var key = run.Options.Key(run.Options.TaskTokenKey, run.RunId, token: TokenFileName(token));
        try
        {
            await run.History.FlushAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var poll = Task.Delay(run.Options.TaskTokenPollInterval, cancellationToken);
                var done = await Task.WhenAny(waiter.Completion.Task, poll).ConfigureAwait(false);
                if (done == waiter.Completion.Task)
                {
                    return await waiter.Completion.Task.ConfigureAwait(false);
                }

                await poll.ConfigureAwait(false);
                if (store is not null && await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    var message = JsonNode.Parse(await store.ReadTextAsync(key, cancellationToken).ConfigureAwait(false)) as JsonObject;
                    await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                    switch (message?["status"]?.GetValue<string>())
                    {
                        case "SUCCESS":
                            return JsonNodes.Parse(message["output"]?.GetValue<string>() ?? "null");
                        case "FAILURE":
                            throw new StatesErrorException(message["error"]?.GetValue<string>() ?? string.Empty, message["cause"]?.GetValue<string>() ?? string.Empty);
                        case "HEARTBEAT":
                            waiter.Heartbeat();
                            break;
                    }
                }

                if (heartbeatSeconds is { } h && DateTimeOffset.UtcNow - waiter.LastHeartbeat > run.Timeout(h))
                {
                    throw new StatesErrorException(StatesErrors.HeartbeatTimeout, $"No heartbeat was received within {h} seconds (HeartbeatSeconds).");
                }
            }
        }
        finally
        {
            run.Tokens.Unregister(token);
        }
    }

    /// <summary>Tokens are long and URL-safe; the file name uses them directly.</summary>
    internal static string TokenFileName(string token) => token;
}
