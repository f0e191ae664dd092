namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>Amazon Nova understanding models' native "messages-v1" InvokeModel body.</summary>
public sealed record NovaRequest(
    string SchemaVersion,
    IReadOnlyList<NovaMessage> Messages,
    IReadOnlyList<NovaText>? System = null,
    NovaInferenceConfig? InferenceConfig = null);
