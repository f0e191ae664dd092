using System.Text.Json.Serialization;

namespace Storyboard.Functions.Contracts;

/// <summary><c>detail.object</c> of an S3 event.</summary>
public sealed record EventObject(
    string? Key,
    string? Etag,
    [property: JsonPropertyName("version-id")] string? VersionId);
