using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;

namespace Storyboard.Asl.Paths;

/// <summary>
/// A parsed intrinsic function call such as <c>States.Format('Hello {}', $.name)</c>. Parsed at load
/// (so a typo fails the definition), evaluated per state. Failures raise States.Runtime, which is how
/// Step Functions reports intrinsic errors (States.IntrinsicFailure is reserved).
/// </summary>
public sealed class IntrinsicFunction
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    };

    private readonly string _name;
    private readonly object[] _args; // JsonNode? literal wrapped in Literal, JsonPathExpression, or IntrinsicFunction

    private IntrinsicFunction(string text, string name, object[] args)
    {
        Text = text;
        _name = name;
        _args = args;
    }

    public string Text { get; }

    public bool UsesContext => _args.Any(a => a is JsonPathExpression { IsContextPath: true } || a is IntrinsicFunction { UsesContext: true });

    public bool UsesExecutionInput => _args.Any(a => a is JsonPathExpression { ReferencesExecutionInput: true } || a is IntrinsicFunction { UsesExecutionInput: true });

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static IntrinsicFunction Parse(string text)
    {
        var parser = new Parser(text);
        var call = parser.ParseCall();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Invalid intrinsic function '{text}': unexpected text after the closing ')'.");
        }

        return call;
    }

    public JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context)
    {
        var values = new JsonNode?[_args.Length];
        for (var i = 0; i < _args.Length; i++)
        {
            values[i] = _args[i] switch
            {
                Literal literal => literal.Value?.DeepClone(),
                JsonPathExpression path => path.Select(path.IsContextPath ? context() : input, $"The function {_name}"),
                IntrinsicFunction call => call.Evaluate(input, context),
                _ => null,
            };
        }

        try
        {
            return Invoke(values);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or JsonException or OverflowException)
        {
            throw Fail(e.Message);
        }
    }

    private JsonNode? Invoke(JsonNode?[] a)
    {
        switch (_name)
        {
            case "States.Format":
                return JsonValue.Create(Format(a));
            case "States.StringToJson":
                Arity(a, 1);
                return JsonNodes.Parse(Str(a[0], 1));
            case "States.JsonToString":
                Arity(a, 1);
                return JsonValue.Create(JsonNodes.ToJson(a[0]));
            case "States.Array":
                return new JsonArray(a.Select(JsonNodes.Detached).ToArray());
            case "States.ArrayPartition":
            {
                Arity(a, 2);
                var array = Arr(a[0], 1);
                var size = Int(a[1], 2);
                if (size <= 0)
                {
                    throw Fail("the chunk size must be a positive integer.");
                }

                var result = new JsonArray();
                JsonArray? chunk = null;
                foreach (var item in array)
                {
                    if (chunk is null || chunk.Count == size)
                    {
                        chunk = new JsonArray();
                        result.Add(chunk);
                    }

                    chunk.Add(item?.DeepClone());
                }

                return result;
            }

            case "States.ArrayContains":
                Arity(a, 2);
                return JsonValue.Create(Arr(a[0], 1).Any(i => JsonNode.DeepEquals(i, a[1])));
            case "States.ArrayRange":
            {
                Arity(a, 3);
                var start = Int(a[0], 1);
                var end = Int(a[1], 2);
                var step = Int(a[2], 3);
                if (step == 0)
                {
                    throw Fail("the step must not be 0.");
                }

                var result = new JsonArray();
                for (var v = start; step > 0 ? v <= end : v >= end; v += step)
                {
                    result.Add(JsonValue.Create(v));
                    if (result.Count > 1000)
                    {
                        throw Fail("the range has more than 1000 items.");
                    }
                }

                return result;
            }

            case "States.ArrayGetItem":
            {
                Arity(a, 2);
                var array = Arr(a[0], 1);
                var index = Int(a[1], 2);
                if (index < 0 || index >= array.Count)
                {
                    throw Fail($"index {index} is outside the array of {array.Count} items.");
                }

                return array[(int)index]?.DeepClone();
            }

            case "States.ArrayLength":
                Arity(a, 1);
                return JsonValue.Create(Arr(a[0], 1).Count);
            case "States.ArrayUnique":
            {
                Arity(a, 1);
                var result = new JsonArray();
                foreach (var item in Arr(a[0], 1))
                {
                    if (!result.Any(r => JsonNode.DeepEquals(r, item)))
                    {
                        result.Add(item?.DeepClone());
                    }
                }

                return result;
            }

            case "States.Base64Encode":
            {
                Arity(a, 1);
                var text = Str(a[0], 1);
                if (text.Length > 10000)
                {
                    throw Fail("the input is longer than 10,000 characters.");
                }

                return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
            }

            case "States.Base64Decode":
            {
                Arity(a, 1);
                var text = Str(a[0], 1);
                if (text.Length > 10000)
                {
                    throw Fail("the input is longer than 10,000 characters.");
                }

                return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            }

            case "States.Hash":
            {
                Arity(a, 2);
                var data = a[0] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : JsonNodes.ToJson(a[0]);
                if (data.Length > 10000)
                {
                    throw Fail("the input is longer than 10,000 characters.");
                }

                var bytes = Encoding.UTF8.GetBytes(data);
                var hash = Str(a[1], 2) switch
                {
                    "MD5" => MD5.HashData(bytes),
                    "SHA-1" => SHA1.HashData(bytes),
                    "SHA-256" => SHA256.HashData(bytes),
                    "SHA-384" => SHA384.HashData(bytes),
                    "SHA-512" => SHA512.HashData(bytes),
                    var other => throw Fail($"'{other}' is not a supported algorithm (MD5, SHA-1, SHA-256, SHA-384, SHA-512)."),
                };
                return JsonValue.Create(Convert.ToHexStringLower(hash));
            }

            case "States.JsonMerge":
            {
                Arity(a, 3);
                if (a[0] is not JsonObject left || a[1] is not JsonObject right)
                {
                    throw Fail("both arguments to merge must be JSON objects.");
                }

                if (a[2] is not JsonValue deep || deep.GetValueKind() != JsonValueKind.False)
                {
                    throw Fail("only shallow merging is supported; the third argument must be false.");
                }

                var result = (JsonObject)JsonNodes.Detached(left)!;
                foreach (var (key, value) in right.ToList())
                {
                    result[key] = value?.DeepClone();
                }

                return result;
            }

            case "States.MathRandom":
            {
                if (a.Length is < 2 or > 3)
                {
                    throw Fail("expects a start, an end and an optional seed.");
                }

                var start = Int(a[0], 1);
                var end = Int(a[1], 2);
                var random = a.Length == 3 ? new Random((int)Int(a[2], 3)) : Random.Shared;
                return JsonValue.Create(random.NextInt64(start, end + 1));
            }

            case "States.MathAdd":
            {
                Arity(a, 2);
                return JsonValue.Create(checked(Int(a[0], 1) + Int(a[1], 2)));
            }

            case "States.StringSplit":
            {
                Arity(a, 2);
                var parts = Str(a[0], 1).Split(Str(a[1], 2).ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
                return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
            }

            case "States.UUID":
                Arity(a, 0);
                return JsonValue.Create(Guid.NewGuid().ToString());
            default:
                throw Fail("is not an intrinsic function.");
        }
    }

    private string Format(JsonNode?[] a)
    {
        if (a.Length == 0)
        {
            throw Fail("needs a template string.");
        }

        var template = Str(a[0], 1);
        var builder = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= a.Length)
                {
                    throw Fail("the template has more {} than there are arguments.");
                }

                var value = a[next++];
                builder.Append(value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : JsonNodes.ToJson(value));
                i++;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        if (next != a.Length)
        {
            throw Fail("there are more arguments than {} in the template.");
        }

        return builder.ToString();
    }

    private void Arity(JsonNode?[] a, int count)
    {
        if (a.Length != count)
        {
            throw Fail($"expects {count} argument(s) but got {a.Length}.");
        }
    }

    private string Str(JsonNode? node, int position) =>
        JsonNodes.TryGetString(node, out var s) ? s : throw Fail($"argument {position} must be a string.");

    private JsonArray Arr(JsonNode? node, int position) =>
        node as JsonArray ?? throw Fail($"argument {position} must be an array.");

    private long Int(JsonNode? node, int position) =>
        JsonNodes.TryGetInteger(node, out var v) ? v : throw Fail($"argument {position} must be an integer.");

    private StatesErrorException Fail(string what) =>
        StatesErrors.RuntimeError($"The intrinsic function {_name} in '{Text}' failed: {what}");

    private sealed record Literal(JsonNode? Value);

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public IntrinsicFunction ParseCall()
        {
            SkipSpaces();
            var start = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '.'))
            {
                _pos++;
            }

            var name = text[start.._pos];
            if (!Known.Contains(name))
            {
                throw new FormatException($"'{name}' is not an intrinsic function (in '{text}').");
            }

            SkipSpaces();
            Expect('(');
            var args = new List<object>();
            SkipSpaces();
            if (Peek(')'))
            {
                _pos++;
                return new IntrinsicFunction(text, name, args.ToArray());
            }

            while (true)
            {
                args.Add(ParseArgument());
                SkipSpaces();
                if (Peek(','))
                {
                    _pos++;
                    continue;
                }

                Expect(')');
                break;
            }

            return new IntrinsicFunction(text, name, args.ToArray());
        }

        private object ParseArgument()
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw new FormatException($"Invalid intrinsic function '{text}': an argument is missing.");
            }

            var c = text[_pos];
            if (c == '\'')
            {
                _pos++;
                var builder = new StringBuilder();
                while (!AtEnd && text[_pos] != '\'')
                {
                    if (text[_pos] == '\\' && _pos + 1 < text.Length)
                    {
                        _pos++;
                    }

                    builder.Append(text[_pos++]);
                }

                Expect('\'');
                return new Literal(JsonValue.Create(builder.ToString()));
            }

            if (c == '$')
            {
                var start = _pos;
                var depth = 0;
                var quote = false;
                while (!AtEnd)
                {
                    var ch = text[_pos];
                    if (ch == '\'' && depth > 0)
                    {
                        quote = !quote;
                    }
                    else if (!quote && ch == '[')
                    {
                        depth++;
                    }
                    else if (!quote && ch == ']')
                    {
                        depth--;
                    }
                    else if (!quote && depth == 0 && (ch == ',' || ch == ')' || ch == ' '))
                    {
                        break;
                    }

                    _pos++;
                }

                return JsonPathExpression.Parse(text[start.._pos]);
            }

            if (text.AsSpan(_pos).StartsWith("States.", StringComparison.Ordinal))
            {
                return ParseCall();
            }

            var tokenStart = _pos;
            while (!AtEnd && text[_pos] != ',' && text[_pos] != ')' && text[_pos] != ' ')
            {
                _pos++;
            }

            var token = text[tokenStart.._pos];
            return token switch
            {
                "true" => new Literal(JsonValue.Create(true)),
                "false" => new Literal(JsonValue.Create(false)),
                "null" => new Literal(null),
                _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => new Literal(JsonValue.Create(l)),
                _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => new Literal(JsonValue.Create(d)),
                _ => throw new FormatException($"Invalid intrinsic function '{text}': '{token}' is not a string, number, boolean, null, path or function."),
            };
        }

        public void SkipSpaces()
        {
            while (!AtEnd && text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private bool Peek(char c) => !AtEnd && text[_pos] == c;

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw new FormatException($"Invalid intrinsic function '{text}': expected '{c}' at position {_pos}.");
            }

            _pos++;
        }
    }
}
