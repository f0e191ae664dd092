using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

public sealed record TaskState : RecoverableState
{
    public required string Resource { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPathExpression? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPathExpression? HeartbeatSecondsPath { get; init; }

    public override string TypeName => "Task";
}
