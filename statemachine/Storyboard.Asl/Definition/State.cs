using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <summary>Fields every state type may have. A null <see cref="InputPath"/>/<see cref="OutputPath"/> is the JSON null (an empty object).</summary>
public abstract record State
{
    public required string Name { get; init; }

    public string? Comment { get; init; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public JsonPathExpression? InputPath { get; init; } = JsonPathExpression.Parse("$");

    public JsonPathExpression? OutputPath { get; init; } = JsonPathExpression.Parse("$");

    /// <summary>The type name as written in the definition and in history events (Task, Pass...).</summary>
    public abstract string TypeName { get; }
}
