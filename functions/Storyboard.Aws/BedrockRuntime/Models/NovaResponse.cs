using System.Text.Json.Serialization;

namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="StopReason">end_turn, max_tokens, content_filtered, …</param>
public sealed record NovaResponse(NovaOutput? Output, string? StopReason, NovaUsage? Usage)
{
    [JsonIgnore]
    public string Text => string.Concat(Output?.Message?.Content?.Select(c => c.Text) ?? []);
}
