namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="Role">"user" or "assistant"; images only in user turns.</param>
public sealed record ConverseMessage(string Role, IReadOnlyList<ContentBlock> Content);
