namespace Storyboard.Aws.BedrockRuntime.Models;

public sealed record NovaUsage(int? InputTokens, int? OutputTokens, int? TotalTokens);
