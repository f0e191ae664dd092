namespace Storyboard.Aws.BedrockRuntime.Models;

public sealed record NovaOutput(NovaMessage? Message);
