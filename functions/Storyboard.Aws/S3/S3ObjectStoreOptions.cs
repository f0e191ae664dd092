namespace Storyboard.Aws.S3;

/// <param name="KeyPrefix">Prepended to every key, so one bucket can hold several deployments.</param>
/// <param name="PartSize">
/// Objects larger than one part go up as a multipart upload of parts this size (S3 needs ≥ 5 MiB
/// per part except the last; at most 10,000 parts). Memory use per upload is one part.
/// </param>
/// <param name="ListPageSize">Keys per ListObjectsV2 page (1–1000).</param>
public sealed record S3ObjectStoreOptions(string KeyPrefix = "", int PartSize = 8 * 1024 * 1024, int ListPageSize = 1000)
{
    public const int MinimumPartSize = 5 * 1024 * 1024;
}
