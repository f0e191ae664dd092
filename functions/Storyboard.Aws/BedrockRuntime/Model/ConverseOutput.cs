namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record ConverseOutput(ConverseMessage? Message);
