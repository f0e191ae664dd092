namespace Storyboard.Cdk.Layers;

/// <summary>
/// Reads the machine field of an ELF executable, so a layer built for one CPU is never deployed
/// beside functions of the other (the function would fail at run time with "Exec format error").
/// </summary>
internal static class ElfHeader
{
    /// <summary>e_machine values (ELF specification): EM_X86_64 = 62, EM_AARCH64 = 183.</summary>
    public const ushort X86_64 = 62;
    public const ushort Aarch64 = 183;

    /// <summary>Returns e_machine, or null when the file is not a little-endian ELF file.</summary>
    public static ushort? ReadMachine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return null;
        }

        var isElf = header[0] == 0x7F && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F';
        const byte littleEndian = 1;
        if (!isElf || header[5] != littleEndian)
        {
            return null;
        }

        return (ushort)(header[18] | (header[19] << 8));
    }
}
