using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;

namespace Storyboard.Asl.Paths;

/// <summary>
/// The JSONPath subset Step Functions accepts: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[n]</c>,
/// <c>[*]</c>, <c>.*</c>, <c>[a,b]</c>, slices <c>[s:e:step]</c>, <c>..name</c> and filters
/// <c>[?(@.x &lt; 10 &amp;&amp; @.y == 'a')]</c>. A path is parsed once at load and evaluated many times.
/// </summary>
public sealed class JsonPathExpression
{
    private readonly Segment[] _segments;

    private JsonPathExpression(string text, bool context, Segment[] segments)
    {
        Text = text;
        IsContextPath = context;
        _segments = segments;
        IsDefinite = segments.All(s => s is NameSegment or IndexSegment);
    }

    public string Text { get; }

    /// <summary>True for <c>$$...</c> paths into the context object.</summary>
    public bool IsContextPath { get; }

    /// <summary>A definite path names at most one node; others (wildcards, filters...) yield an array.</summary>
    public bool IsDefinite { get; }

    /// <summary>
    /// True when a context path may read <c>$$.Execution.Input</c>, the one large part of the context
    /// object; other context paths are served without copying the execution input.
    /// </summary>
    public bool ReferencesExecutionInput =>
        IsContextPath
        && (_segments.Length == 0 || _segments[0] is not NameSegment first || first.Name == "Execution")
        && (_segments.Length < 2 || _segments[1] is not NameSegment second || second.Name == "Input");

    /// <summary>Reference paths (ResultPath) may only use names and indexes.</summary>
    public bool IsReferencePath => IsDefinite && !IsContextPath;

    internal IReadOnlyList<(string? Name, int Index)> ReferenceSteps =>
        _segments.Select(s => s is NameSegment n ? (n.Name, 0) : ((string?)null, ((IndexSegment)s).Index)).ToList();

    public static bool TryParse(string text, out JsonPathExpression? path, out string problem)
    {
        try
        {
            path = Parse(text);
            problem = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            problem = e.Message;
            return false;
        }
    }

    public static JsonPathExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = text.StartsWith("$$", StringComparison.Ordinal);
        if (!text.StartsWith('$'))
        {
            throw new FormatException($"'{text}' is not a JSONPath: it must start with '$'.");
        }

        var reader = new PathReader(text, context ? 2 : 1);
        var segments = new List<Segment>();
        while (!reader.AtEnd)
        {
            segments.Add(reader.ReadSegment());
        }

        return new JsonPathExpression(text, context, segments.ToArray());
    }

    /// <summary>Evaluates against <paramref name="root"/>; the value found, or a States.Runtime error naming the path.</summary>
    public JsonNode? Select(JsonNode? root, string where)
    {
        if (IsDefinite)
        {
            if (TrySelectDefinite(root, out var value))
            {
                return value;
            }

            throw StatesErrors.RuntimeError($"{where}: the JSONPath '{Text}' could not be found in the input {Describe(root)}.");
        }

        var matches = new List<JsonNode?>();
        Collect(root, 0, matches);
        var array = new JsonArray();
        foreach (var match in matches)
        {
            array.Add(JsonNodes.Detached(match));
        }

        return array;
    }

    public bool TrySelectDefinite(JsonNode? root, out JsonNode? value)
    {
        var current = root;
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case NameSegment name when current is JsonObject obj:
                    if (!obj.TryGetPropertyValue(name.Name, out current))
                    {
                        value = null;
                        return false;
                    }

                    break;
                case IndexSegment index when current is JsonArray array:
                    var i = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (i < 0 || i >= array.Count)
                    {
                        value = null;
                        return false;
                    }

                    current = array[i];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        value = current;
        return true;
    }

    /// <summary>True when the path finds anything (used by IsPresent).</summary>
    public bool Exists(JsonNode? root)
    {
        if (IsDefinite)
        {
            return TrySelectDefinite(root, out _);
        }

        var matches = new List<JsonNode?>();
        Collect(root, 0, matches);
        return matches.Count > 0;
    }

    public override string ToString() => Text;

    private void Collect(JsonNode? node, int depth, List<JsonNode?> results)
    {
        if (depth == _segments.Length)
        {
            results.Add(node);
            return;
        }

        _segments[depth].Apply(node, child => Collect(child, depth + 1, results));
    }

    private static string Describe(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
    }

    private abstract class Segment
    {
        public abstract void Apply(JsonNode? node, Action<JsonNode?> next);
    }

    private sealed class NameSegment(string name) : Segment
    {
        public string Name { get; } = name;

        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var child))
            {
                next(child);
            }
        }
    }

    private sealed class IndexSegment(int index) : Segment
    {
        public int Index { get; } = index;

        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            if (node is JsonArray array)
            {
                var i = Index < 0 ? array.Count + Index : Index;
                if (i >= 0 && i < array.Count)
                {
                    next(array[i]);
                }
            }
        }
    }

    private sealed class UnionSegment(IReadOnlyList<object> members) : Segment
    {
        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            foreach (var member in members)
            {
                if (member is string name)
                {
                    new NameSegment(name).Apply(node, next);
                }
                else
                {
                    new IndexSegment((int)member).Apply(node, next);
                }
            }
        }
    }

    private sealed class WildcardSegment : Segment
    {
        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        next(item);
                    }

                    break;
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        next(value);
                    }

                    break;
            }
        }
    }

    private sealed class SliceSegment(int? start, int? end, int step) : Segment
    {
        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            if (node is not JsonArray array || step == 0)
            {
                return;
            }

            var count = array.Count;
            int Normalize(int v) => v < 0 ? Math.Max(0, count + v) : Math.Min(v, count);
            if (step > 0)
            {
                for (var i = Normalize(start ?? 0); i < Normalize(end ?? count); i += step)
                {
                    next(array[i]);
                }
            }
            else
            {
                var from = start is null ? count - 1 : Math.Min(Normalize(start.Value), count - 1);
                var to = end is null ? -1 : Normalize(end.Value);
                for (var i = from; i > to; i += step)
                {
                    next(array[i]);
                }
            }
        }
    }

    private sealed class RecursiveSegment(Segment inner) : Segment
    {
        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            inner.Apply(node, next);
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Apply(item, next);
                    }

                    break;
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        Apply(value, next);
                    }

                    break;
            }
        }
    }

    private sealed class FilterSegment(FilterExpression filter) : Segment
    {
        public override void Apply(JsonNode? node, Action<JsonNode?> next)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (filter.Matches(item))
                        {
                            next(item);
                        }
                    }

                    break;
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        if (filter.Matches(value))
                        {
                            next(value);
                        }
                    }

                    break;
            }
        }
    }

    private sealed class PathReader(string text, int position)
    {
        private int _pos = position;

        public bool AtEnd => _pos >= text.Length;

        public Segment ReadSegment()
        {
            var c = text[_pos];
            if (c == '.')
            {
                if (_pos + 1 < text.Length && text[_pos + 1] == '.')
                {
                    _pos += 2;
                    Segment inner = _pos < text.Length && text[_pos] == '[' ? ReadBracket() : ReadDotName();
                    return new RecursiveSegment(inner);
                }

                _pos++;
                return ReadDotName();
            }

            if (c == '[')
            {
                return ReadBracket();
            }

            throw Error($"unexpected '{c}'");
        }

        private Segment ReadDotName()
        {
            if (_pos < text.Length && text[_pos] == '*')
            {
                _pos++;
                return new WildcardSegment();
            }

            var start = _pos;
            while (_pos < text.Length && text[_pos] != '.' && text[_pos] != '[')
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Error("a name is missing after '.'");
            }

            return new NameSegment(text[start.._pos]);
        }

        private Segment ReadBracket()
        {
            _pos++;
            SkipSpaces();
            if (Peek('*'))
            {
                _pos++;
                Expect(']');
                return new WildcardSegment();
            }

            if (Peek('?'))
            {
                _pos++;
                SkipSpaces();
                Expect('(');
                var depth = 1;
                var start = _pos;
                var quote = '\0';
                while (_pos < text.Length && depth > 0)
                {
                    var c = text[_pos];
                    if (quote != '\0')
                    {
                        if (c == '\\')
                        {
                            _pos++;
                        }
                        else if (c == quote)
                        {
                            quote = '\0';
                        }
                    }
                    else if (c is '\'' or '"')
                    {
                        quote = c;
                    }
                    else if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')')
                    {
                        depth--;
                    }

                    _pos++;
                }

                if (depth != 0)
                {
                    throw Error("unclosed filter '[?('");
                }

                var filter = FilterExpression.Parse(text[start..(_pos - 1)]);
                SkipSpaces();
                Expect(']');
                return new FilterSegment(filter);
            }

            var members = new List<object>();
            int? sliceStart = null, sliceEnd = null;
            var colons = 0;
            int? sliceStep = null;
            while (true)
            {
                SkipSpaces();
                if (Peek('\'') || Peek('"'))
                {
                    members.Add(ReadQuoted());
                }
                else if (Peek(':'))
                {
                    // slice with an omitted bound
                }
                else
                {
                    var number = ReadInt();
                    if (colons == 0)
                    {
                        members.Add(number);
                    }
                    else if (colons == 1)
                    {
                        sliceEnd = number;
                    }
                    else
                    {
                        sliceStep = number;
                    }
                }

                SkipSpaces();
                if (Peek(','))
                {
                    _pos++;
                    continue;
                }

                if (Peek(':'))
                {
                    _pos++;
                    colons++;
                    if (colons == 1)
                    {
                        sliceStart = members.Count == 1 ? (int)members[0] : null;
                        members.Clear();
                    }

                    SkipSpaces();
                    if (Peek(']') || Peek(':'))
                    {
                        if (Peek(']'))
                        {
                            _pos++;
                            return new SliceSegment(sliceStart, sliceEnd, sliceStep ?? 1);
                        }

                        continue;
                    }

                    continue;
                }

                Expect(']');
                break;
            }

            if (colons > 0)
            {
                return new SliceSegment(sliceStart, sliceEnd, sliceStep ?? 1);
            }

            if (members.Count == 1)
            {
                return members[0] is string s ? new NameSegment(s) : new IndexSegment((int)members[0]);
            }

            return new UnionSegment(members);
        }

        private string ReadQuoted()
        {
            var quote = text[_pos++];
            var builder = new StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    _pos++;
                }

                builder.Append(text[_pos++]);
            }

            Expect(quote);
            return builder.ToString();
        }

        private int ReadInt()
        {
            var start = _pos;
            if (Peek('-'))
            {
                _pos++;
            }

            while (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
            {
                _pos++;
            }

            if (!int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error("expected a number, a quoted name, '*' or a filter inside '[...]'");
            }

            return value;
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private void SkipSpaces()
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        private FormatException Error(string what) =>
            new($"Invalid JSONPath '{text}' at position {_pos}: {what}.");
    }

    /// <summary>Used by filters: compares JSON values the way Jayway JsonPath (the Step Functions engine) does.</summary>
    internal static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue l && right is JsonValue r)
        {
            if (JsonNodes.TryGetNumber(l, out var ln) && JsonNodes.TryGetNumber(r, out var rn))
            {
                return ln.CompareTo(rn);
            }

            if (l.GetValueKind() == JsonValueKind.String && r.GetValueKind() == JsonValueKind.String)
            {
                return string.CompareOrdinal(l.GetValue<string>(), r.GetValue<string>());
            }
        }

        return JsonNode.DeepEquals(left, right) ? 0 : null;
    }
}
