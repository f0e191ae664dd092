using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Storage;
using Storyboard.Functions.Internal;

namespace Storyboard.Functions.Model;

/// <summary>Payload member checks and the model steps' run records (indented: people read them).</summary>
public static class StepJson
{
    /// <summary>Null-checks a Payload member: the records are non-nullable, but JSON can still leave one out.</summary>
    public static T Require<T>(T? value, string state, string member)
        where T : class => value ?? throw MissingStepInputException.For(state, member);

    public static Task<T?> ReadRecordAsync<T>(IObjectStore store, string key, JsonTypeInfo<T> typeInfo)
        where T : class => StoreJson.ReadIfExistsAsync(store, key, typeInfo, CancellationToken.None);

    public static async Task WriteRecordAsync<T>(IObjectStore store, string key, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(store);
        var options = new JsonSerializerOptions(typeInfo.Options) { WriteIndented = true };
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))), writable: false);
        await store.WriteAsync(key, stream, "application/json").ConfigureAwait(false);
    }
}
