namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record SystemContentBlock(string Text);
