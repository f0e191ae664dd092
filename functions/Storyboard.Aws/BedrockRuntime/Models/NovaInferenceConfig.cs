namespace Storyboard.Aws.BedrockRuntime.Models;

public sealed record NovaInferenceConfig(int? MaxTokens = null, double? Temperature = null, double? TopP = null, int? TopK = null, IReadOnlyList<string>? StopSequences = null);
