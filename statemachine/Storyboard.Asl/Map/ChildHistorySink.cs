using System.Buffers;
using System.Globalization;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Map;

/// <summary>
/// Collects the histories of a Map Run's child executions (each event carries its executionArn) and
/// writes them in parts of a few MB, so thousands of children cost neither thousands of files nor memory.
/// </summary>
internal sealed class ChildHistorySink(IObjectStore? store, string prefix)
{
    private const int PartBytes = 4 * 1024 * 1024;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private int _part;

    public async Task AddAsync(byte[] events, CancellationToken cancellationToken)
    {
        if (store is null || events.Length == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _buffer.Write(events);
            if (_buffer.WrittenCount >= PartBytes)
            {
                await WriteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_buffer.WrittenCount > 0)
            {
                await WriteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        // Parts from an earlier attempt (before a redrive) are kept: the names continue after them.
        string key;
        do
        {
            key = prefix + string.Create(CultureInfo.InvariantCulture, $"part-{_part++:D5}.jsonl");
        }
        while (await store!.ExistsAsync(key, cancellationToken).ConfigureAwait(false));

        using var content = new MemoryStream(_buffer.WrittenSpan.ToArray(), writable: false);
        await store.WriteAsync(key, content, "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
