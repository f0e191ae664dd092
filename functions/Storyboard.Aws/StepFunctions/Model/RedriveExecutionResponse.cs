using System.Text.Json.Serialization;
using Storyboard.Aws.Json;

namespace Storyboard.Aws.StepFunctions.Model;

public sealed record RedriveExecutionResponse([property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? RedriveDate);
