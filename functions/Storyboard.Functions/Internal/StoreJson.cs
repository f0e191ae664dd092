using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Json;
using Storyboard.Core.Storage;

namespace Storyboard.Functions.Internal;

/// <summary>JSON and JSON Lines files in the object store, always through source-generated type info.</summary>
public static class StoreJson
{
    public const string JsonType = "application/json";
    public const string JsonLinesType = "application/x-ndjson";

    public static async Task<T> ReadAsync<T>(IObjectStore store, string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"'{key}' holds null instead of a JSON object.");
    }

    public static async Task<T?> ReadIfExistsAsync<T>(IObjectStore store, string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class =>
        await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false)
            ? await ReadAsync(store, key, typeInfo, cancellationToken).ConfigureAwait(false)
            : null;

    public static async Task WriteAsync<T>(IObjectStore store, string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), writable: false);
        await store.WriteAsync(key, stream, JsonType, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> ReadLinesAsync<T>(IObjectStore store, string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await foreach (var item in JsonLines.ReadAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    public static async Task WriteLinesAsync<T>(IObjectStore store, string key, IEnumerable<T> items, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var buffer = new MemoryStream();
        await JsonLines.WriteAsync(buffer, items, typeInfo, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        await store.WriteAsync(key, buffer, JsonLinesType, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<string>> ListKeysAsync(IObjectStore store, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(info.Key);
        }

        return keys;
    }

    /// <summary>Deletes what a previous attempt left under <paramref name="prefix"/> that this attempt did not write.</summary>
    public static async Task DeleteStaleAsync(IObjectStore store, string prefix, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        foreach (var key in await ListKeysAsync(store, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!keep.Contains(key))
            {
                await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
