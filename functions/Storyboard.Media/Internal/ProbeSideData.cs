using System.Text.Json.Serialization;

namespace Storyboard.Media.Internal;

/// <param name="Rotation">Counter-clockwise degrees of a display matrix, as ffprobe reports it.</param>
internal sealed record ProbeSideData(
    [property: JsonPropertyName("side_data_type")] string? SideDataType,
    [property: JsonPropertyName("rotation")] double? Rotation);
