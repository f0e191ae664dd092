namespace Storyboard.Asl.Definition;

public sealed record ChoiceState : State
{
    public required IReadOnlyList<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override string TypeName => "Choice";
}
