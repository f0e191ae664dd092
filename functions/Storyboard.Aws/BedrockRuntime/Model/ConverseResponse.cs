using System.Text.Json.Serialization;

namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="StopReason">end_turn, max_tokens, content_filtered, …</param>
public sealed record ConverseResponse(ConverseOutput? Output, string? StopReason, TokenUsage? Usage, ConverseMetrics? Metrics)
{
    /// <summary>The text blocks of the answer, joined.</summary>
    [JsonIgnore]
    public string Text => string.Concat(Output?.Message?.Content?.Select(c => c.Text) ?? []);
}
