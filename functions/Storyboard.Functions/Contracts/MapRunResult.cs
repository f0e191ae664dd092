using System.Text.Json.Serialization;

namespace Storyboard.Functions.Contracts;

/// <summary>What a Distributed Map with a ResultWriter leaves in its ResultPath.</summary>
public sealed record MapRunResult(
    [property: JsonPropertyName("MapRunArn")] string? MapRunArn,
    [property: JsonPropertyName("ResultWriterDetails")] ResultWriterDetails? ResultWriterDetails);
