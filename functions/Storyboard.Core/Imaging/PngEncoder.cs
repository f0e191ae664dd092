using System.Buffers.Binary;
using System.IO.Compression;

namespace Storyboard.Core.Imaging;

/// <summary>
/// Writes 8-bit RGB or RGBA PNGs (crops, previews, test fixtures). Each row gets the filter
/// with the smallest sum of absolute differences, the usual heuristic that keeps files small.
/// </summary>
public static class PngEncoder
{
    public static byte[] Encode(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Encode(image.Width, image.Height, image.Pixels, channels: 3);
    }

    public static byte[] Encode(RgbaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Encode(image.Width, image.Height, image.Pixels, channels: 4);
    }

    private static byte[] Encode(int width, int height, byte[] pixels, int channels)
    {
        using var output = new MemoryStream();
        output.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = channels == 4 ? (byte)6 : (byte)2;
        WriteChunk(output, "IHDR", ihdr);

        var stride = width * channels;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var candidates = new byte[5][];
            for (var f = 0; f < 5; f++)
            {
                candidates[f] = new byte[stride + 1];
                candidates[f][0] = (byte)f;
            }

            for (var y = 0; y < height; y++)
            {
                var cur = pixels.AsSpan(y * stride, stride);
                var prev = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
                var best = 0;
                var bestCost = long.MaxValue;
                for (var f = 0; f < 5; f++)
                {
                    var cost = Filter(f, cur, prev, channels, candidates[f].AsSpan(1));
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        best = f;
                    }
                }

                z.Write(candidates[best]);
            }
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static long Filter(int filter, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst)
    {
        long cost = 0;
        for (var i = 0; i < cur.Length; i++)
        {
            int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => PngDecoder.Paeth(a, b, c),
            };
            var v = (byte)(cur[i] - predictor);
            dst[i] = v;
            cost += v < 128 ? v : 256 - v;
        }

        return cost;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        output.Write(buffer);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Compute(typeBytes, data));
        output.Write(buffer);
    }
}
