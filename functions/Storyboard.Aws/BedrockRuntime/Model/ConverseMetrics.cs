namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record ConverseMetrics(long? LatencyMs);
