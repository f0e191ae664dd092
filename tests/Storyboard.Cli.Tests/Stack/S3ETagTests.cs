using System.Security.Cryptography;
using Storyboard.Cli.Stack;

namespace Storyboard.Cli.Tests.Stack;

public sealed class S3ETagTests : IDisposable
{
    private const int PartSize = 5 * 1024 * 1024;
    private readonly string _file = Path.Combine(Path.GetTempPath(), "storyboard-etag-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Compute_WhenSmallerThanAPart_ShouldBeTheMd5OfTheBytes()
    {
        var data = new byte[PartSize - 1];
        new Random(1).NextBytes(data);
        await File.WriteAllBytesAsync(_file, data);

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), await S3ETag.ComputeAsync(new FileInfo(_file), PartSize, CancellationToken.None));
    }

    [Theory]
    [InlineData(PartSize, 1)]
    [InlineData((2 * PartSize) + 7, 3)]
    public async Task Compute_WhenUploadedInParts_ShouldBeTheMd5OfThePartMd5sAndTheCount(int length, int parts)
    {
        var data = new byte[length];
        new Random(2).NextBytes(data);
        await File.WriteAllBytesAsync(_file, data);

        using var digests = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        for (var offset = 0; offset < length; offset += PartSize)
        {
            digests.AppendData(MD5.HashData(data.AsSpan(offset, Math.Min(PartSize, length - offset))));
        }

        Assert.Equal($"{Convert.ToHexStringLower(digests.GetHashAndReset())}-{parts}", await S3ETag.ComputeAsync(new FileInfo(_file), PartSize, CancellationToken.None));
    }
}
