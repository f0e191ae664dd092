using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Internal;

/// <summary>
/// Evaluates Choice rules. A comparison whose Variable is missing or of another type is false (it is
/// not an error), as in Step Functions; Path variants compare against a second path's value.
/// </summary>
internal static class ChoiceEvaluator
{
    public static bool Matches(ChoiceRule rule, JsonNode? input, Func<JsonNode?> context)
    {
        switch (rule.Operator)
        {
            case "And":
                return rule.Children.All(c => Matches(c, input, context));
            case "Or":
                return rule.Children.Any(c => Matches(c, input, context));
            case "Not":
                return !Matches(rule.Children[0], input, context);
        }

        var variable = rule.Variable!;
        var root = variable.IsContextPath ? context() : input;
        var found = variable.IsDefinite ? variable.TrySelectDefinite(root, out var value) : TrySelectAll(variable, root, out value);
        var expected = rule.Value is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        switch (rule.Operator)
        {
            case "IsPresent":
                return found == expected;
            case "IsNull":
                return (found && value is null) == expected;
            case "IsNumeric":
                return (found && JsonNodes.Kind(value) == JsonValueKind.Number) == expected;
            case "IsString":
                return (found && JsonNodes.Kind(value) == JsonValueKind.String) == expected;
            case "IsBoolean":
                return (found && JsonNodes.Kind(value) is JsonValueKind.True or JsonValueKind.False) == expected;
            case "IsTimestamp":
                return (found && JsonNodes.TryGetString(value, out var ts) && Timestamps.TryParse(ts, out _)) == expected;
        }

        if (!found)
        {
            return false;
        }

        JsonNode? operand = rule.Value;
        if (rule.ValuePath is { } valuePath)
        {
            var operandRoot = valuePath.IsContextPath ? context() : input;
            if (!valuePath.TrySelectDefinite(operandRoot, out operand))
            {
                return false;
            }
        }

        return Compare(rule.Operator, value, operand);
    }

    private static bool TrySelectAll(JsonPathExpression path, JsonNode? root, out JsonNode? value)
    {
        value = path.Exists(root) ? path.Select(root, "Choice") : null;
        return value is not null;
    }

    private static bool Compare(string op, JsonNode? value, JsonNode? operand)
    {
        if (op == "StringMatches")
        {
            return JsonNodes.TryGetString(value, out var s) && JsonNodes.TryGetString(operand, out var pattern) && Glob(s, pattern);
        }

        if (op.StartsWith("String", StringComparison.Ordinal))
        {
            if (!JsonNodes.TryGetString(value, out var a) || !JsonNodes.TryGetString(operand, out var b))
            {
                return false;
            }

            return Order(op, string.CompareOrdinal(a, b));
        }

        if (op.StartsWith("Numeric", StringComparison.Ordinal))
        {
            if (!JsonNodes.TryGetNumber(value, out var a) || !JsonNodes.TryGetNumber(operand, out var b))
            {
                return false;
            }

            return Order(op, a.CompareTo(b));
        }

        if (op == "BooleanEquals")
        {
            var kind = JsonNodes.Kind(value);
            return kind is JsonValueKind.True or JsonValueKind.False && kind == JsonNodes.Kind(operand);
        }

        if (!JsonNodes.TryGetString(value, out var ta) || !Timestamps.TryParse(ta, out var x)
            || !JsonNodes.TryGetString(operand, out var tb) || !Timestamps.TryParse(tb, out var y))
        {
            return false;
        }

        return Order(op, x.CompareTo(y));
    }

    private static bool Order(string op, int comparison) => op switch
    {
        _ when op.EndsWith("LessThanEquals", StringComparison.Ordinal) => comparison <= 0,
        _ when op.EndsWith("GreaterThanEquals", StringComparison.Ordinal) => comparison >= 0,
        _ when op.EndsWith("LessThan", StringComparison.Ordinal) => comparison < 0,
        _ when op.EndsWith("GreaterThan", StringComparison.Ordinal) => comparison > 0,
        _ => comparison == 0,
    };

    /// <summary>StringMatches: '*' matches any run of characters; '\*' and '\\' are a literal star and backslash.</summary>
    internal static bool Glob(string text, string pattern)
    {
        var tokens = new List<(bool Star, string Literal)>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                literal.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                tokens.Add((false, literal.ToString()));
                literal.Clear();
                tokens.Add((true, string.Empty));
            }
            else
            {
                literal.Append(c);
            }
        }

        tokens.Add((false, literal.ToString()));
        return Match(text, 0, tokens, 0);
    }

    private static bool Match(string text, int position, List<(bool Star, string Literal)> tokens, int index)
    {
        if (index == tokens.Count)
        {
            return position == text.Length;
        }

        var (star, literal) = tokens[index];
        if (!star)
        {
            return string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0
                && position + literal.Length <= text.Length
                && Match(text, position + literal.Length, tokens, index + 1);
        }

        for (var p = position; p <= text.Length; p++)
        {
            if (Match(text, p, tokens, index + 1))
            {
                return true;
            }
        }

        return false;
    }
}
