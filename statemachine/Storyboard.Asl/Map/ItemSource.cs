using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Paths;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Map;

/// <summary>
/// Reads a Distributed Map's items from the store as ItemReader describes: a JSON array file, a JSON
/// Lines file (streamed line by line, so 100,000 items are never all in memory), a CSV file, or an
/// object listing. Any failure to read is States.ItemReaderFailed.
/// </summary>
internal static class ItemSource
{
    public static async IAsyncEnumerable<JsonNode?> ReadAsync(ItemReaderConfig reader, JsonObject parameters, long? maxItems, IObjectStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0L;
        await foreach (var item in ReadAllAsync(reader, parameters, store, cancellationToken).ConfigureAwait(false))
        {
            if (maxItems is > 0 && count >= maxItems)
            {
                yield break;
            }

            count++;
            yield return item;
        }
    }

    private static async IAsyncEnumerable<JsonNode?> ReadAllAsync(ItemReaderConfig reader, JsonObject parameters, IObjectStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (reader.Resource.EndsWith("listObjectsV2", StringComparison.Ordinal))
        {
            var prefix = JsonNodes.TryGetString(parameters["Prefix"], out var p) ? p : string.Empty;
            await foreach (var info in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                yield return new JsonObject
                {
                    ["Etag"] = $"\"{info.Size:x}-{info.LastModified.ToUnixTimeMilliseconds():x}\"",
                    ["Key"] = info.Key,
                    ["LastModified"] = Timestamps.Format(info.LastModified),
                    ["Size"] = info.Size,
                    ["StorageClass"] = "STANDARD",
                };
            }

            yield break;
        }

        if (!JsonNodes.TryGetString(parameters["Key"], out var key))
        {
            throw new StatesErrorException(StatesErrors.ItemReaderFailed, "ItemReader Parameters need a Key.");
        }

        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException e)
        {
            throw new StatesErrorException(StatesErrors.ItemReaderFailed, $"The ItemReader could not read '{key}': {e.Message}");
        }

        await using (stream.ConfigureAwait(false))
        {
            switch (reader.InputType)
            {
                case "JSON":
                {
                    JsonDocument document;
                    try
                    {
                        document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    catch (JsonException e)
                    {
                        throw new StatesErrorException(StatesErrors.ItemReaderFailed, $"'{key}' is not valid JSON: {e.Message}");
                    }

                    using (document)
                    {
                        if (document.RootElement.ValueKind != JsonValueKind.Array)
                        {
                            throw new StatesErrorException(StatesErrors.ItemReaderFailed, $"'{key}' must hold a JSON array for InputType JSON.");
                        }

                        foreach (var element in document.RootElement.EnumerateArray())
                        {
                            yield return JsonNode.Parse(element.GetRawText());
                        }
                    }

                    break;
                }

                case "JSONL":
                {
                    using var lines = new StreamReader(stream, Encoding.UTF8);
                    var number = 0;
                    while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                    {
                        number++;
                        if (string.IsNullOrWhiteSpace(line))
                        {
                            continue;
                        }

                        JsonNode? item;
                        try
                        {
                            item = JsonNode.Parse(line);
                        }
                        catch (JsonException e)
                        {
                            throw new StatesErrorException(StatesErrors.ItemReaderFailed, $"Line {number} of '{key}' is not valid JSON: {e.Message}");
                        }

                        yield return item;
                    }

                    break;
                }

                default:
                {
                    using var lines = new StreamReader(stream, Encoding.UTF8);
                    var delimiter = reader.CsvDelimiter switch
                    {
                        "PIPE" => '|',
                        "SEMICOLON" => ';',
                        "SPACE" => ' ',
                        "TAB" => '\t',
                        _ => ',',
                    };
                    IReadOnlyList<string>? headers = reader.CsvHeaderLocation == "GIVEN" ? reader.CsvHeaders : null;
                    while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                    {
                        if (line.Length == 0)
                        {
                            continue;
                        }

                        var fields = Csv.Split(line, delimiter);
                        if (headers is null)
                        {
                            headers = fields;
                            continue;
                        }

                        var row = new JsonObject();
                        for (var i = 0; i < headers.Count; i++)
                        {
                            row[headers[i]] = i < fields.Count ? fields[i] : string.Empty;
                        }

                        yield return row;
                    }

                    break;
                }
            }
        }
    }
}
