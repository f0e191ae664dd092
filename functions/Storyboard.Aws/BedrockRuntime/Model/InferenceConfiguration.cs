namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record InferenceConfiguration(int? MaxTokens = null, double? Temperature = null, double? TopP = null, IReadOnlyList<string>? StopSequences = null);
