using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Tests.Support;

/// <summary>A test adapter for the object store port: whole-object writes into a dictionary.</summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, DateTimeOffset Modified)> _objects = new(StringComparer.Ordinal);

    public int WriteCount { get; private set; }

    public long BytesWritten { get; private set; }

    public IEnumerable<string> Keys => _objects.Keys.Order(StringComparer.Ordinal);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue(ObjectKey.Validate(key), out var o)
            ? Task.FromResult<Stream>(new MemoryStream(o.Bytes, writable: false))
            : throw ObjectNotFoundException.ForKey(key);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(_objects.ContainsKey(key));

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.TryGetValue(key, out var o) ? new ObjectInfo(key, o.Bytes.Length, o.Modified) : null);

    public async Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _objects[ObjectKey.Validate(key)] = (buffer.ToArray(), DateTimeOffset.UtcNow);
        lock (_objects)
        {
            WriteCount++;
            BytesWritten += buffer.Length;
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var o = _objects[key];
            yield return new ObjectInfo(key, o.Bytes.Length, o.Modified);
        }

        await Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _objects.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default) =>
        Task.FromResult("memory://" + key);
}
