using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <summary>
/// One Choice rule: a comparison (<see cref="Operator"/> on <see cref="Variable"/> against a literal,
/// or against another path for the <c>...Path</c> forms), or And / Or / Not of nested rules.
/// </summary>
public sealed record ChoiceRule
{
    public string? Next { get; init; }

    public string Operator { get; init; } = string.Empty;

    public JsonPathExpression? Variable { get; init; }

    public JsonNode? Value { get; init; }

    public JsonPathExpression? ValuePath { get; init; }

    public IReadOnlyList<ChoiceRule> Children { get; init; } = [];
}
