namespace Storyboard.Functions.Contracts;

/// <summary>Payload of the states that need only <c>$.run</c> (PrepareCharacters, BuildDataset).</summary>
public sealed record RunInput(RunContext? Run);
