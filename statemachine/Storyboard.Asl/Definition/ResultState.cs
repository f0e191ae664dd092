using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <summary>A state that produces a result: Pass, Task, Parallel, Map. A null <see cref="ResultPath"/> discards the result.</summary>
public abstract record ResultState : State
{
    public PayloadTemplate? Parameters { get; init; }

    public JsonPathExpression? ResultPath { get; init; } = JsonPathExpression.Parse("$");
}
