namespace Storyboard.Functions.Contracts;

/// <summary>What PrepareCharacters leaves in <c>$.characters.result</c>.</summary>
/// <param name="IndexKey">The reference manifest DetectCharacters rebuilds its index from.</param>
public sealed record PrepareCharactersOutput(string IndexKey, IReadOnlyList<string> Characters, int References, string Service);
