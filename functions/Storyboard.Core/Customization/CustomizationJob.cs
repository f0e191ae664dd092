namespace Storyboard.Core.Customization;

/// <summary>What GetModelCustomizationJob reports (the members Storyboard reads, AWS-FACTS §3.2).</summary>
/// <param name="Status">One of <see cref="CustomizationJobStatus"/>'s values, Bedrock's own spelling.</param>
/// <param name="FailureMessage">Bedrock's reason when the job failed or stopped; null otherwise.</param>
/// <param name="OutputModelArn">The custom model, once the job has produced it.</param>
public sealed record CustomizationJob(
    string JobArn,
    string JobName,
    string Status,
    string? FailureMessage,
    string? OutputModelArn,
    string? OutputModelName,
    string ClientRequestToken);
