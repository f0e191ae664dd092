namespace Storyboard.Asl.Definition;

/// <summary>StartAt plus States: the top level, a Parallel branch, or a Map's ItemProcessor.</summary>
public sealed record StateMachineBody(string StartAt, IReadOnlyDictionary<string, State> States);
