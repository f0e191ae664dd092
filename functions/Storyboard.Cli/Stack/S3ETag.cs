using System.Globalization;
using System.Security.Cryptography;

namespace Storyboard.Cli.Stack;

/// <summary>
/// The ETag S3 gives a file uploaded the way <see cref="Aws.S3.S3ObjectStore"/> uploads it (SSE-S3
/// buckets): the MD5 of the bytes for one PutObject; for a multipart upload, the MD5 of the parts' MD5s
/// followed by "-" and the part count. Lets <c>stack start</c> see that the bucket already holds the video.
/// </summary>
internal static class S3ETag
{
    public static async Task<string> ComputeAsync(FileInfo file, int partSize, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        if (file.Length < partSize)
        {
            return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        var buffer = new byte[partSize];
        using var digests = new MemoryStream();
        var parts = 0;
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < partSize && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (filled == 0)
            {
                break;
            }

            digests.Write(MD5.HashData(buffer.AsSpan(0, filled)));
            parts++;
        }

        return Convert.ToHexStringLower(MD5.HashData(digests.ToArray())) + "-" + parts.ToString(CultureInfo.InvariantCulture);
    }
}
