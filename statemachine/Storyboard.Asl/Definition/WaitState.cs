using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

public sealed record WaitState : State
{
    public double? Seconds { get; init; }

    public JsonPathExpression? SecondsPath { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPathExpression? TimestampPath { get; init; }

    public override string TypeName => "Wait";
}
