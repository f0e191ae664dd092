using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;

namespace Storyboard.Asl.Internal;

/// <summary>Callback tasks waiting for SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, by token.</summary>
internal sealed class TaskTokenBroker
{
    private readonly ConcurrentDictionary<string, Waiter> _waiting = new(StringComparer.Ordinal);

    public Waiter Register(string token)
    {
        var waiter = new Waiter();
        _waiting[token] = waiter;
        return waiter;
    }

    public void Unregister(string token) => _waiting.TryRemove(token, out _);

    public bool TrySucceed(string token, JsonNode? output) =>
        _waiting.TryGetValue(token, out var w) && w.Completion.TrySetResult(output);

    public bool TryFail(string token, string error, string cause) =>
        _waiting.TryGetValue(token, out var w) && w.Completion.TrySetException(new StatesErrorException(error, cause));

    public bool TryHeartbeat(string token)
    {
        if (!_waiting.TryGetValue(token, out var w))
        {
            return false;
        }

        w.Heartbeat();
        return true;
    }

    internal sealed class Waiter
    {
        private long _lastHeartbeatTicks = DateTimeOffset.UtcNow.UtcTicks;

        public TaskCompletionSource<JsonNode?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset LastHeartbeat => new(Interlocked.Read(ref _lastHeartbeatTicks), TimeSpan.Zero);

        public void Heartbeat() => Interlocked.Exchange(ref _lastHeartbeatTicks, DateTimeOffset.UtcNow.UtcTicks);
    }
}
