using System.Collections.Concurrent;

namespace Storyboard.Asl.Tasks;

/// <summary>
/// Who serves each Task: Lambda handlers by function name (a name, a partial or a full function ARN all
/// resolve to the name, as Lambda does), AWS SDK services by service name, and any other integration
/// resource by its exact ARN.
/// </summary>
public sealed class TaskHandlerRegistry
{
    private readonly ConcurrentDictionary<string, ITaskHandler> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IServiceIntegration> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ITaskHandler> _resources = new(StringComparer.Ordinal);

    public TaskHandlerRegistry RegisterFunction(string functionName, ITaskHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _functions[FunctionNames.Normalize(functionName)] = handler;
        return this;
    }

    public TaskHandlerRegistry RegisterFunction(string functionName, Func<Stream, CancellationToken, Task<Stream>> handler) =>
        RegisterFunction(functionName, new DelegateTaskHandler(handler));

    /// <summary>Serves <c>arn:aws:states:::aws-sdk:&lt;serviceName&gt;:*</c>, e.g. serviceName "bedrock".</summary>
    public TaskHandlerRegistry RegisterService(string serviceName, IServiceIntegration service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _services[serviceName] = service;
        return this;
    }

    /// <summary>Serves any other Task resource (e.g. arn:aws:states:::bedrock:invokeModel) verbatim.</summary>
    public TaskHandlerRegistry RegisterResource(string resourceArn, ITaskHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _resources[resourceArn] = handler;
        return this;
    }

    public bool TryGetFunction(string functionNameOrArn, out ITaskHandler handler) =>
        _functions.TryGetValue(FunctionNames.Normalize(functionNameOrArn), out handler!);

    public bool TryGetService(string serviceName, out IServiceIntegration service) => _services.TryGetValue(serviceName, out service!);

    public bool TryGetResource(string resourceArn, out ITaskHandler handler) => _resources.TryGetValue(resourceArn, out handler!);
}
