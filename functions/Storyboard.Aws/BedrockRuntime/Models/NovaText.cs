namespace Storyboard.Aws.BedrockRuntime.Models;

public sealed record NovaText(string Text);
