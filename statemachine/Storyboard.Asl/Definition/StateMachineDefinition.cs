namespace Storyboard.Asl.Definition;

/// <summary>A loaded, validated state machine; immutable and safe to run many executions from.</summary>
/// <param name="Text">The definition as run (placeholders substituted), kept so a redrive uses the very same definition.</param>
public sealed record StateMachineDefinition(
    string Name,
    StateMachineBody Body,
    int? TimeoutSeconds,
    string? Comment,
    string Text)
{
    /// <summary>Every state at every depth, by name (names are unique across a definition, as in Step Functions).</summary>
    public IReadOnlyDictionary<string, State> AllStates { get; init; } = new Dictionary<string, State>();
}
