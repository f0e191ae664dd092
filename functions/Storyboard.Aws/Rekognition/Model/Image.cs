namespace Storyboard.Aws.Rekognition.Model;

/// <summary>An image for Rekognition: inline bytes (≤ 5 MB, sent as base64) or an S3 object (≤ 15 MB, same region).</summary>
public sealed record Image(byte[]? Bytes = null, S3Object? S3Object = null)
{
    public static Image FromBytes(byte[] bytes) => new(Bytes: bytes);

    public static Image FromS3(string bucket, string key, string? version = null) => new(S3Object: new S3Object(bucket, key, version));
}
