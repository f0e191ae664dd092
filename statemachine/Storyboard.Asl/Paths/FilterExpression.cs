using System.Globalization;
using System.Text.Json.Nodes;

namespace Storyboard.Asl.Paths;

/// <summary>
/// A JSONPath filter body such as <c>@.price &lt; 10 &amp;&amp; @.category == 'fiction'</c>: comparisons
/// (<c>== != &lt; &lt;= &gt; &gt;=</c>) of <c>@</c>-paths and literals, bare <c>@</c>-paths as existence
/// tests, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// </summary>
internal sealed class FilterExpression
{
    private readonly Func<JsonNode?, bool> _predicate;

    private FilterExpression(Func<JsonNode?, bool> predicate) => _predicate = predicate;

    public bool Matches(JsonNode? item) => _predicate(item);

    public static FilterExpression Parse(string text)
    {
        var parser = new Parser(text);
        var predicate = parser.ParseOr();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Invalid JSONPath filter '{text}': unexpected text at position {parser.Position}.");
        }

        return new FilterExpression(predicate);
    }

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public Func<JsonNode?, bool> ParseOr()
        {
            var left = ParseAnd();
            while (TryConsume("||"))
            {
                var l = left;
                var r = ParseAnd();
                left = n => l(n) || r(n);
            }

            return left;
        }

        private Func<JsonNode?, bool> ParseAnd()
        {
            var left = ParseUnary();
            while (TryConsume("&&"))
            {
                var l = left;
                var r = ParseUnary();
                left = n => l(n) && r(n);
            }

            return left;
        }

        private Func<JsonNode?, bool> ParseUnary()
        {
            SkipSpaces();
            if (TryConsume("!"))
            {
                var inner = ParseUnary();
                return n => !inner(n);
            }

            if (TryConsume("("))
            {
                var inner = ParseOr();
                if (!TryConsume(")"))
                {
                    throw Error("expected ')'");
                }

                return inner;
            }

            var left = ParseOperand();
            SkipSpaces();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (TryConsume(op))
                {
                    var right = ParseOperand();
                    return n => Evaluate(op, left(n), right(n));
                }
            }

            return n => left(n).Found;
        }

        private static bool Evaluate(string op, (bool Found, JsonNode? Value) left, (bool Found, JsonNode? Value) right)
        {
            if (!left.Found || !right.Found)
            {
                return op == "!=" && left.Found != right.Found;
            }

            var comparison = JsonPathExpression.Compare(left.Value, right.Value);
            return op switch
            {
                "==" => comparison == 0,
                "!=" => comparison != 0,
                "<" => comparison < 0,
                "<=" => comparison <= 0,
                ">" => comparison > 0,
                ">=" => comparison >= 0,
                _ => false,
            };
        }

        private Func<JsonNode?, (bool Found, JsonNode? Value)> ParseOperand()
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw Error("an operand is missing");
            }

            var c = text[Position];
            if (c == '@')
            {
                var start = Position;
                Position++;
                while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '.' or '_' or '-' or '[' or ']' or '\'' or '*'))
                {
                    Position++;
                }

                var path = JsonPathExpression.Parse("$" + text[(start + 1)..Position]);
                return n => path.IsDefinite
                    ? (path.TrySelectDefinite(n, out var v) ? (true, v) : (false, null))
                    : (path.Exists(n), path.Select(n, "filter"));
            }

            if (c is '\'' or '"')
            {
                var quote = c;
                Position++;
                var start = Position;
                while (!AtEnd && text[Position] != quote)
                {
                    Position++;
                }

                var literal = text[start..Position];
                Position++;
                JsonNode value = JsonValue.Create(literal);
                return _ => (true, value);
            }

            var tokenStart = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '.' or '-' or '+'))
            {
                Position++;
            }

            var token = text[tokenStart..Position];
            JsonNode? constant = token switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                _ when decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                _ => throw Error($"'{token}' is not a path, string, number, true, false or null"),
            };
            return _ => (true, constant);
        }

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private bool TryConsume(string token)
        {
            SkipSpaces();
            if (string.CompareOrdinal(text, Position, token, 0, token.Length) == 0)
            {
                Position += token.Length;
                return true;
            }

            return false;
        }

        private FormatException Error(string what) => new($"Invalid JSONPath filter '{text}' at position {Position}: {what}.");
    }
}
