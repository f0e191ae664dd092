using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;
using Storyboard.Core.Storage;

namespace Storyboard.Asl.Map;

/// <summary>
/// Writes a Map Run's results the way Step Functions exports them: <c>&lt;Prefix&gt;/&lt;mapRunId&gt;/SUCCEEDED_n.json</c>,
/// <c>FAILED_n.json</c>, <c>PENDING_n.json</c> (a JSON array, or JSON Lines for OutputType JSONL) and a
/// <c>manifest.json</c> listing them. Entries stream into a bounded buffer that is written out as a
/// part whenever it fills, so results never accumulate in memory.
/// </summary>
internal sealed class ResultFileWriter
{
    private const int PartBytes = 4 * 1024 * 1024;

    private readonly IObjectStore _store;
    private readonly string _directory;
    private readonly bool _jsonLines;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Part> _parts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Key, long Size)>> _files = new(StringComparer.Ordinal)
    {
        ["SUCCEEDED"] = [],
        ["FAILED"] = [],
        ["PENDING"] = [],
    };

    public ResultFileWriter(IObjectStore store, string prefix, string mapRunId, bool jsonLines, IEnumerable<(string Key, long Size)> earlierSucceededFiles)
    {
        _store = store;
        _directory = ObjectKey.Combine(prefix, mapRunId);
        _jsonLines = jsonLines;
        _files["SUCCEEDED"].AddRange(earlierSucceededFiles);
        ManifestKey = ObjectKey.Combine(_directory, "manifest.json");
    }

    public string ManifestKey { get; }

    public IReadOnlyList<(string Key, long Size)> SucceededFiles => _files["SUCCEEDED"];

    public async Task AddAsync(string status, JsonNode? entry, CancellationToken cancellationToken)
    {
        var bytes = JsonNodes.ToUtf8(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_parts.TryGetValue(status, out var part))
            {
                part = new Part();
                _parts[status] = part;
            }

            if (part.Buffer.WrittenCount > 0)
            {
                part.Buffer.Write(_jsonLines ? "\n"u8 : ","u8);
            }

            part.Buffer.Write(bytes);
            if (part.Buffer.WrittenCount >= PartBytes)
            {
                await WritePartAsync(status, part, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the remaining parts and the manifest; removes stale FAILED/PENDING parts from an earlier attempt.</summary>
    public async Task CompleteAsync(string bucket, string mapRunArn, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (status, part) in _parts)
            {
                if (part.Buffer.WrittenCount > 0)
                {
                    await WritePartAsync(status, part, cancellationToken).ConfigureAwait(false);
                }
            }

            var current = _files.Values.SelectMany(f => f.Select(x => x.Key)).ToHashSet(StringComparer.Ordinal);
            await foreach (var info in _store.ListAsync(_directory + "/", cancellationToken).ConfigureAwait(false))
            {
                var name = info.Key[(info.Key.LastIndexOf('/') + 1)..];
                if ((name.StartsWith("FAILED_", StringComparison.Ordinal) || name.StartsWith("PENDING_", StringComparison.Ordinal)) && !current.Contains(info.Key))
                {
                    await _store.DeleteAsync(info.Key, cancellationToken).ConfigureAwait(false);
                }
            }

            var files = new JsonObject();
            foreach (var status in new[] { "FAILED", "PENDING", "SUCCEEDED" })
            {
                files[status] = new JsonArray(_files[status].Select(f => (JsonNode?)new JsonObject { ["Key"] = f.Key, ["Size"] = f.Size }).ToArray());
            }

            var manifest = new JsonObject
            {
                ["DestinationBucket"] = bucket,
                ["MapRunArn"] = mapRunArn,
                ["ResultFiles"] = files,
            };
            await _store.WriteTextAsync(ManifestKey, manifest.ToJsonString(JsonNodes.Compact), "application/json", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WritePartAsync(string status, Part part, CancellationToken cancellationToken)
    {
        var number = _files[status].Count;
        var key = ObjectKey.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{status}_{number}.{(_jsonLines ? "jsonl" : "json")}"));
        using var content = new MemoryStream(part.Buffer.WrittenCount + 2);
        if (!_jsonLines)
        {
            content.Write("["u8);
        }

        content.Write(part.Buffer.WrittenSpan);
        content.Write(_jsonLines ? "\n"u8 : "]"u8);
        var size = content.Length;
        content.Position = 0;
        await _store.WriteAsync(key, content, _jsonLines ? "application/x-ndjson" : "application/json", cancellationToken).ConfigureAwait(false);
        _files[status].Add((key, size));
        part.Buffer.ResetWrittenCount();
    }

    private sealed class Part
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(64 * 1024);
    }
}
