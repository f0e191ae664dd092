namespace Storyboard.Functions.Contracts;

/// <summary><c>detail.bucket</c> of an S3 event.</summary>
public sealed record EventBucket(string? Name);
