using System.Text.Json.Serialization;

namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="StopReason">end_turn, max_tokens, content_filtered, …</param>
public sealed record NovaResponse(NovaOutput? Output, string? StopReason, NovaUsage? Usage)
{
    /// <summary>
    /// Set instead of text when the model's output was withheld by the content filters (Nova's
    /// "RAI output deflection": a successful response that carries an error string).
    /// </summary>
    public string? Error { get; init; }

    [JsonIgnore]
    public string Text => string.Concat(Output?.Message?.Content?.Select(c => c.Text) ?? []);
}
