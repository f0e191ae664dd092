using System.Text.Json.Serialization;

namespace Storyboard.Functions.Contracts;

/// <summary>Where the ResultWriter put its <c>manifest.json</c>.</summary>
public sealed record ResultWriterDetails(
    [property: JsonPropertyName("Bucket")] string? Bucket,
    [property: JsonPropertyName("Key")] string? Key);
