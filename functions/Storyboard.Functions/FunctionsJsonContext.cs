using System.Text.Json.Serialization;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions;

/// <summary>
/// Every handler input and output type, source-generated (no reflection at run time). The class
/// is partial: each group of handlers lists its own records in its own file.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(RunContext))]
[JsonSerializable(typeof(BuildDatasetOutput))]
[JsonSerializable(typeof(ReviewDecision))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext
{
}
