namespace Storyboard.Aws.Rekognition.Model;

/// <param name="Name">The object key.</param>
public sealed record S3Object(string Bucket, string Name, string? Version = null);
