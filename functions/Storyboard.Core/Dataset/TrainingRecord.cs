using System.Text.Json.Serialization;

namespace Storyboard.Core.Dataset;

/// <summary>One line of <c>dataset/train.jsonl</c>, the Nova Canvas training manifest.</summary>
/// <param name="ImageRef">S3 URI of the image, <c>s3://bucket/key</c>.</param>
public sealed record TrainingRecord(
    [property: JsonPropertyName("image-ref")] string ImageRef,
    [property: JsonPropertyName("caption")] string Caption);
