namespace Storyboard.Aws.BedrockRuntime.Model;

public sealed record S3Location(string Uri, string? BucketOwner = null);
