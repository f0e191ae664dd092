namespace Storyboard.Asl.Definition;

public sealed record SucceedState : State
{
    public override string TypeName => "Succeed";
}
