namespace Storyboard.Asl.Definition;

public sealed record ParallelState : RecoverableState
{
    public required IReadOnlyList<StateMachineBody> Branches { get; init; }

    public override string TypeName => "Parallel";
}
