namespace Storyboard.Functions.Contracts;

/// <summary>The part of an EventBridge S3 "Object Created" event that names the upload.</summary>
public sealed record EventDetail(EventBucket? Bucket, EventObject? Object);
