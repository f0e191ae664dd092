using System.Buffers.Binary;

namespace Storyboard.Core.Imaging;

/// <summary>
/// The CRC-32 that PNG chunks carry (ISO 3309, polynomial 0xEDB88320), eight bytes per step
/// ("slicing by 8"): every chunk of every decoded image is checked, and a byte-at-a-time loop
/// took longer than inflating the stored frame copies it guards.
/// </summary>
internal static class Crc32
{
    /// <summary>Eight tables of 256: table k gives the CRC of a byte followed by k zero bytes.</summary>
    private static readonly uint[] Tables = BuildTables();

    public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        Update(Update(0xFFFFFFFFu, first), second) ^ 0xFFFFFFFFu;

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        for (var k = 1; k < 8; k++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = t[((k - 1) * 256) + n];
                t[(k * 256) + n] = (previous >> 8) ^ t[previous & 0xFF];
            }
        }

        return t;
    }
}
