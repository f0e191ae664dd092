using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using Storyboard.Functions.Errors;

namespace Storyboard.Functions.Internal;

/// <summary>Stream in, record out, and back: the Lambda runtime hands handlers raw payload streams.</summary>
internal static class HandlerIo
{
    public static async Task<T> ReadAsync<T>(Stream input, JsonTypeInfo<T> typeInfo, string state)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await JsonSerializer.DeserializeAsync(input, typeInfo).ConfigureAwait(false)
                ?? throw new InvalidStateInputException($"{state} received null instead of a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidStateInputException($"{state} received a payload that is not the expected JSON object: {ex.Message}", ex);
        }
    }

    public static Stream Write<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var output = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        return output;
    }
}
