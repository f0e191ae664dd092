using System.Text.Json.Serialization;

namespace Storyboard.Media.Internal;

/// <summary>The parts of <c>ffprobe -print_format json -show_format -show_streams</c> the probe reads.</summary>
internal sealed record ProbeOutput(
    [property: JsonPropertyName("streams")] IReadOnlyList<ProbeStream>? Streams,
    [property: JsonPropertyName("format")] ProbeFormat? Format);
