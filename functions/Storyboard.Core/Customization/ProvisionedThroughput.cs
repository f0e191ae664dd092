namespace Storyboard.Core.Customization;

/// <summary>What GetProvisionedModelThroughput reports (the members Storyboard reads).</summary>
/// <param name="Status">One of <see cref="ThroughputStatus"/>'s values.</param>
/// <param name="ModelArn">The model it serves.</param>
public sealed record ProvisionedThroughput(
    string ProvisionedModelArn,
    string ProvisionedModelName,
    string ModelArn,
    int ModelUnits,
    string Status,
    string? FailureMessage);
