using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyboard.Functions.Contracts;

/// <summary>The execution input: from the CLI (flat) or an EventBridge "Object Created" event (<c>detail</c>).</summary>
public sealed record ExecutionInput(
    string? Bucket,
    string? Key,
    string? Etag,
    string? Version,
    string? ConfigKey,
    JsonElement? Config,
    string? Services,
    bool? DatasetOnly,
    EventDetail? Detail);
