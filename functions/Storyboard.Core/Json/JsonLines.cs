using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Storyboard.Core.Json;

/// <summary>Reads and writes JSON Lines (one compact object per line, '\n' separated, UTF-8).</summary>
public static class JsonLines
{
    public static async Task WriteAsync<T>(Stream stream, IEnumerable<T> items, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(typeInfo);
        foreach (var item in items)
        {
            await JsonSerializer.SerializeAsync(stream, item, typeInfo, cancellationToken).ConfigureAwait(false);
            stream.WriteByte((byte)'\n');
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Items in file order; blank lines are skipped; a bad line throws with its line number.</summary>
    /// <exception cref="JsonLinesFormatException">A line is not a valid item.</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? item;
            try
            {
                item = JsonSerializer.Deserialize(line, typeInfo);
            }
            catch (JsonException ex)
            {
                throw new JsonLinesFormatException($"Line {lineNumber}: {ex.Message}", ex) { LineNumber = lineNumber };
            }

            yield return item ?? throw new JsonLinesFormatException($"Line {lineNumber}: null is not a valid {typeof(T).Name}.") { LineNumber = lineNumber };
        }
    }
}
