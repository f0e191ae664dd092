namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="Body">The model's own JSON request, sent as the raw HTTP body (≤ 25,000,000 bytes).</param>
/// <param name="Trace">X-Amzn-Bedrock-Trace: ENABLED, DISABLED or ENABLED_FULL.</param>
/// <param name="Timeout">Per-attempt timeout; image generation can take minutes.</param>
public sealed record InvokeModelRequest(
    string ModelId,
    ReadOnlyMemory<byte> Body,
    string ContentType = "application/json",
    string Accept = "application/json",
    string? Trace = null,
    string? GuardrailIdentifier = null,
    string? GuardrailVersion = null,
    string? PerformanceConfigLatency = null,
    TimeSpan? Timeout = null);
