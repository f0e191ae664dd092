using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Map;

/// <summary>
/// Counts a Map Run's children by outcome. Without a ResultWriter it also keeps their outputs (bounded
/// by the 256 KiB state output limit); with one it keeps only the indexes of those that succeeded.
/// </summary>
internal sealed class MapRunOutcome
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, JsonNode?> _inline = [];
    private readonly List<long> _succeeded = [];
    private long _failed;
    private long _pending;
    private long _inlineBytes;

    public long ItemCount { get; set; }

    public long FailedCount
    {
        get
        {
            lock (_gate)
            {
                return _failed;
            }
        }
    }

    public long ChildCount
    {
        get
        {
            lock (_gate)
            {
                return _succeeded.Count + _failed + _pending;
            }
        }
    }

    public long InlineBytes => Interlocked.Read(ref _inlineBytes);

    public IEnumerable<long> SucceededIndexes
    {
        get
        {
            lock (_gate)
            {
                return _succeeded.ToList();
            }
        }
    }

    public void Succeeded(long index, JsonNode? inlineResult, bool keepInline)
    {
        lock (_gate)
        {
            _succeeded.Add(index);
            if (keepInline)
            {
                _inline[index] = inlineResult;
                _inlineBytes += JsonNodes.ToUtf8(inlineResult).Length;
            }
        }
    }

    public void Failed(long index, JsonNode? inlineResult)
    {
        lock (_gate)
        {
            _failed++;
            if (inlineResult is not null)
            {
                _inline[index] = inlineResult;
                _inlineBytes += JsonNodes.ToUtf8(inlineResult).Length;
            }
        }
    }

    public void Pending(long index)
    {
        lock (_gate)
        {
            _pending++;
        }
    }

    public Dictionary<long, JsonNode?> SucceededOutputs()
    {
        lock (_gate)
        {
            var succeeded = _succeeded.ToHashSet();
            return _inline.Where(p => succeeded.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        }
    }

    public JsonArray InlineResults(bool flatten)
    {
        var array = new JsonArray();
        lock (_gate)
        {
            foreach (var (_, value) in _inline)
            {
                if (flatten && value is JsonArray inner)
                {
                    foreach (var item in inner)
                    {
                        array.Add(item?.DeepClone());
                    }
                }
                else
                {
                    array.Add(JsonNodes.Detached(value));
                }
            }
        }

        return array;
    }
}
