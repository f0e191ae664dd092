using System.Text.Json.Serialization;
using Storyboard.Aws.Json;

namespace Storyboard.Aws.StepFunctions.Model;

public sealed record StartExecutionResponse(
    string? ExecutionArn,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StartDate);
