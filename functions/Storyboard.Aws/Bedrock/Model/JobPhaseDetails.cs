namespace Storyboard.Aws.Bedrock.Model;

/// <param name="Status">InProgress, Completed, Stopping, Stopped, Failed or NotStarted.</param>
public sealed record JobPhaseDetails(string? Status, DateTimeOffset? CreationTime, DateTimeOffset? LastModifiedTime);
