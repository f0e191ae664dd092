using System.Text.Json.Serialization;

namespace Storyboard.Media.Internal;

internal sealed record ProbeFormat(
    [property: JsonPropertyName("format_name")] string? FormatName,
    [property: JsonPropertyName("format_long_name")] string? FormatLongName,
    [property: JsonPropertyName("duration")] string? Duration);
