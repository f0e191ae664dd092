using System.Text.Json.Serialization;
using Storyboard.Aws.Json;

namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</param>
/// <param name="RedriveStatus">REDRIVABLE, NOT_REDRIVABLE or REDRIVABLE_BY_MAP_RUN.</param>
public sealed record DescribeExecutionResponse(
    string? ExecutionArn,
    string? StateMachineArn,
    string? Name,
    string? Status,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StartDate,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause,
    string? MapRunArn,
    int? RedriveCount,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset? RedriveDate,
    string? RedriveStatus,
    string? RedriveStatusReason);
