using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Storage;

namespace Storyboard.Functions.Model;

/// <summary>Reads a handler's Payload and writes its result, and the run's JSON records, with the source-generated context.</summary>
public static class StepJson
{
    /// <exception cref="MissingStepInputException">The Payload is empty or null.</exception>
    public static async Task<T> ReadAsync<T>(Stream input, JsonTypeInfo<T> typeInfo, string state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(input);
        return await JsonSerializer.DeserializeAsync(input, typeInfo).ConfigureAwait(false)
            ?? throw MissingStepInputException.For(state, "(payload)");
    }

    public static Stream Write<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), writable: false);

    /// <summary>Null-checks a Payload member: the records are non-nullable, but JSON can still leave one out.</summary>
    public static T Require<T>(T? value, string state, string member)
        where T : class => value ?? throw MissingStepInputException.For(state, member);

    public static async Task<T?> ReadRecordAsync<T>(IObjectStore store, string key, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!await store.ExistsAsync(key).ConfigureAwait(false))
        {
            return null;
        }

        await using var stream = await store.OpenReadAsync(key).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo).ConfigureAwait(false);
    }

    public static async Task WriteRecordAsync<T>(IObjectStore store, string key, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(store);
        var options = new JsonSerializerOptions(typeInfo.Options) { WriteIndented = true };
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))), writable: false);
        await store.WriteAsync(key, stream, "application/json").ConfigureAwait(false);
    }
}
