using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="ModelId">Goes into the URI, not the body.</param>
/// <param name="AdditionalModelRequestFields">Model-specific fields, e.g. {"inferenceConfig": {"topK": 20}} for Nova.</param>
public sealed record ConverseRequest(
    [property: JsonIgnore] string ModelId,
    IReadOnlyList<ConverseMessage> Messages,
    IReadOnlyList<SystemContentBlock>? System = null,
    InferenceConfiguration? InferenceConfig = null,
    JsonElement? AdditionalModelRequestFields = null);
