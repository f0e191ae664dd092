namespace Storyboard.Functions.Contracts;

/// <summary>
/// ProvisionThroughput's and CheckThroughput's result (<c>$.throughput.result</c>). The
/// ThroughputStatus Choice reads <c>status</c>, ThroughputFailed prints <c>message</c>.
/// </summary>
public sealed record ThroughputOutput(
    string ProvisionedModelArn,
    string Name,
    string Status,
    string Message) : IStatusOutput;
