using System.Text.Json.Serialization;
using Storyboard.Core.Cropping;

namespace Storyboard.Core.Dataset;

/// <summary>One line of <c>dataset/items.jsonl</c>: where a training image came from (DESIGN §4).</summary>
public sealed record DatasetItem(
    [property: JsonPropertyName("image-ref")] string ImageRef,
    IReadOnlyList<string> Characters,
    double TimeSeconds,
    string SourceFrame,
    BoundingBox Box,
    string Caption);
