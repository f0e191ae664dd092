using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.History;

/// <summary>
/// Records an execution's events as GetExecutionHistory shapes them, one JSON object per line.
/// Lines are serialized once into one growing buffer; the store only writes whole objects, so the
/// buffer is rewritten on <see cref="FlushAsync"/> — automatically only when it has doubled since the
/// last write, which keeps total bytes written linear in the history size.
/// </summary>
public sealed class HistoryRecorder
{
    private const long AutoFlushIntervalMs = 2000;

    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly IObjectStore? _store;
    private readonly string? _key;
    private readonly bool _enabled;
    private readonly string? _executionArn;
    private readonly Action<HistoryEvent>? _observer;
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private long _nextId = 1;
    private int _flushedLength;
    private int _flushThreshold = 1024 * 1024;
    private long _lastFlushTicks = Environment.TickCount64;

    /// <param name="store">Where to persist; null keeps the history in memory only.</param>
    /// <param name="firstEventId">1 for a new execution; after a redrive, continues the earlier numbering.</param>
    /// <param name="executionArn">Written into every event when several executions share one file (Map Run children).</param>
    /// <param name="observer">Sees every event as it is recorded (progress on a terminal); null costs nothing.</param>
    public HistoryRecorder(IObjectStore? store, string? key, bool enabled, ReadOnlyMemory<byte> existing = default, long firstEventId = 1, string? executionArn = null, Action<HistoryEvent>? observer = null)
    {
        _observer = observer;
        _executionArn = executionArn;
        _store = store;
        _key = key;
        _enabled = enabled;
        _writer = new Utf8JsonWriter(_buffer, JsonNodes.WriterOptions);
        if (!existing.IsEmpty)
        {
            _buffer.Write(existing.Span);
        }

        _nextId = firstEventId;
    }

    public bool Enabled => _enabled;

    public string? Key => _key;

    public long LastEventId
    {
        get
        {
            lock (_gate)
            {
                return _nextId - 1;
            }
        }
    }

    /// <summary>Appends one event; <paramref name="writeDetails"/> writes the fields of the details object.</summary>
    /// <returns>The event id, or 0 when history is off.</returns>
    public long Record(string type, long previousEventId, string? detailsName, Action<Utf8JsonWriter>? writeDetails)
    {
        if (!_enabled)
        {
            return 0;
        }

        bool flush;
        long id;
        HistoryEvent? observed = null;
        lock (_gate)
        {
            id = _nextId++;
            var start = _buffer.WrittenCount;
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            _writer.WriteString("timestamp", DateTimeOffset.UtcNow);
            _writer.WriteString("type", type);
            _writer.WriteNumber("id", id);
            _writer.WriteNumber("previousEventId", previousEventId);
            if (_executionArn is not null)
            {
                _writer.WriteString("executionArn", _executionArn);
            }
            if (detailsName is not null && writeDetails is not null)
            {
                _writer.WriteStartObject(detailsName);
                writeDetails(_writer);
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
            _writer.Flush();
            if (_observer is not null && JsonNode.Parse(_buffer.WrittenSpan[start..]) is JsonObject line)
            {
                observed = ExecutionHistory.FromJson(line);
            }

            _buffer.Write("\n"u8);
            // Rewrite the object only when it has doubled and a while has passed: total bytes written stay
            // linear in the history's size, and a short run writes its history once, at the end.
            flush = _store is not null
                && _buffer.WrittenCount - _flushedLength >= _flushThreshold
                && Environment.TickCount64 - _lastFlushTicks >= AutoFlushIntervalMs;
            if (flush)
            {
                _flushThreshold = Math.Max(_flushThreshold, _buffer.WrittenCount);
                _lastFlushTicks = Environment.TickCount64;
            }
        }

        if (flush)
        {
            _ = FlushInBackgroundAsync();
        }

        if (observed is not null)
        {
            _observer!(observed);
        }

        return id;
    }

    /// <summary>Writes everything recorded so far to the store.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null || _key is null || !_enabled)
        {
            return;
        }

        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ReadOnlyMemory<byte> snapshot;
            lock (_gate)
            {
                // The written prefix is never modified again (growth copies to a new array), so it can be read outside the lock.
                snapshot = _buffer.WrittenMemory;
                _flushedLength = snapshot.Length;
            }

            if (!MemoryMarshal.TryGetArray(snapshot, out var segment))
            {
                segment = new ArraySegment<byte>(snapshot.ToArray());
            }

            await using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            await _store.WriteAsync(_key, stream, "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>The recorded JSON lines (for tests and in-memory runs).</summary>
    public byte[] ToArray()
    {
        lock (_gate)
        {
            return _buffer.WrittenSpan.ToArray();
        }
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A failed intermediate flush is repaired by the next one; the final flush reports errors.
        }
    }
}
