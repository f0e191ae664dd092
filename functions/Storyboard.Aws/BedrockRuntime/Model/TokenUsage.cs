namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record TokenUsage(int? InputTokens, int? OutputTokens, int? TotalTokens);
