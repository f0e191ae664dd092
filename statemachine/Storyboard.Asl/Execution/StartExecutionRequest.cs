using System.Text.Json.Nodes;

namespace Storyboard.Asl.Execution;

/// <param name="RunId">Names the execution and its run folder; a new id when null.</param>
/// <param name="Metadata">Caller data stored with the execution record (e.g. how the CLI served the tasks), returned on redrive.</param>
public sealed record StartExecutionRequest(JsonNode? Input, string? RunId = null, IReadOnlyDictionary<string, string>? Metadata = null);
