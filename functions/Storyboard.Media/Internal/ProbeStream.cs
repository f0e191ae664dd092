using System.Text.Json.Serialization;

namespace Storyboard.Media.Internal;

internal sealed record ProbeStream(
    [property: JsonPropertyName("codec_type")] string? CodecType,
    [property: JsonPropertyName("codec_name")] string? CodecName,
    [property: JsonPropertyName("width")] int? Width,
    [property: JsonPropertyName("height")] int? Height,
    [property: JsonPropertyName("avg_frame_rate")] string? AvgFrameRate,
    [property: JsonPropertyName("r_frame_rate")] string? RFrameRate,
    [property: JsonPropertyName("duration")] string? Duration,
    [property: JsonPropertyName("disposition")] IReadOnlyDictionary<string, int>? Disposition,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string>? Tags,
    [property: JsonPropertyName("side_data_list")] IReadOnlyList<ProbeSideData>? SideData);
