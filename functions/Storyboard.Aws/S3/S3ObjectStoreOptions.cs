namespace Storyboard.Aws.S3;

/// <param name="KeyPrefix">Prepended to every key, so one bucket can hold several deployments.</param>
/// <param name="PartSize">
/// Objects larger than one part go up as a multipart upload of parts this size (S3 needs ≥ 5 MiB
/// per part except the last; at most 10,000 parts). Memory use per upload is one part.
/// </param>
/// <param name="ListPageSize">Keys per ListObjectsV2 page (1–1000).</param>
/// <param name="FrameTag">
/// Written on every frame object (<see cref="Core.Runs.RunLayout.IsFrameKey"/>) so the bucket's
/// lifecycle rule can expire frames early; null writes no tags (the role then needs no
/// s3:PutObjectTagging).
/// </param>
public sealed record S3ObjectStoreOptions(string KeyPrefix = "", int PartSize = 8 * 1024 * 1024, int ListPageSize = 1000, ObjectTag? FrameTag = null)
{
    public const int MinimumPartSize = 5 * 1024 * 1024;
}
