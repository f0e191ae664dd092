using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Storyboard.Core.Tests.TestSupport;

/// <summary>Writes PNGs chunk by chunk, for layouts no encoder at hand produces (tRNS, low bit depths).</summary>
internal static class HandMadePng
{
    /// <param name="rows">Unfiltered scanlines, already packed at the bit depth.</param>
    public static byte[] Build(int width, int height, byte bitDepth, byte colourType, IReadOnlyList<byte[]> rows, byte[]? palette = null, byte[]? trns = null)
    {
        using var output = new MemoryStream();
        output.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colourType;
        Chunk(output, "IHDR", ihdr);
        if (palette is not null)
        {
            Chunk(output, "PLTE", palette);
        }

        if (trns is not null)
        {
            Chunk(output, "tRNS", trns);
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                z.WriteByte(0);
                z.Write(row);
            }
        }

        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        output.Write(header);
        output.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in header.AsSpan(4).ToArray().Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc ^ 0xFFFFFFFFu);
        output.Write(tail);
    }
}
