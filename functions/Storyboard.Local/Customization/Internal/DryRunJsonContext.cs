using System.Text.Json.Serialization;

namespace Storyboard.Local.Customization.Internal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DryRunJobState))]
[JsonSerializable(typeof(DryRunThroughputState))]
internal sealed partial class DryRunJsonContext : JsonSerializerContext;
