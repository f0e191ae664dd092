namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Role">"user" or "assistant"; the first turn is "user".</param>
public sealed record NovaMessage(string Role, IReadOnlyList<NovaContent> Content);
