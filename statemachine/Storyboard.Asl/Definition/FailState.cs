using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

public sealed record FailState : State
{
    public string? Error { get; init; }

    public JsonPathExpression? ErrorPath { get; init; }

    public IntrinsicFunction? ErrorFunction { get; init; }

    public string? Cause { get; init; }

    public JsonPathExpression? CausePath { get; init; }

    public IntrinsicFunction? CauseFunction { get; init; }

    public override string TypeName => "Fail";
}
