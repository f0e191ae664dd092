using System.Buffers.Binary;
using Storyboard.Core.Dataset;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;

namespace Storyboard.Functions.Internal;

/// <summary>Format and size of a stored image from its first bytes (PNG IHDR), without decoding it.</summary>
public static class ImageHeaders
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static async Task<ImageFacts?> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        var info = await store.GetInfoAsync(key, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return null;
        }

        var header = new byte[24];
        await using (var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false))
        {
            var read = 0;
            while (read < header.Length)
            {
                var n = await stream.ReadAsync(header.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }
        }

        if (!header.AsSpan(0, 8).SequenceEqual(PngSignature) || !header.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4));
        return new ImageFacts(ImageFormat.Png, width, height, info.Size);
    }
}
