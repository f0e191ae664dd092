namespace Storyboard.Cdk.Tests;

/// <summary>
/// A stand-in for layers/ffmpeg/build: bin/ffmpeg and bin/ffprobe that start with a real ELF header of
/// the requested machine, so synthesis and the architecture check run without building the layer.
/// </summary>
internal sealed class TestLayer : IDisposable
{
    public TestLayer(ushort machine, params string[] binaries)
    {
        Directory = Path.Combine(Path.GetTempPath(), "storyboard-layer-" + Guid.NewGuid().ToString("N"));
        var bin = Path.Combine(Directory, "bin");
        System.IO.Directory.CreateDirectory(bin);
        foreach (var binary in binaries.Length > 0 ? binaries : ["ffmpeg", "ffprobe"])
        {
            File.WriteAllBytes(Path.Combine(bin, binary), ElfHeaderBytes(machine));
        }
    }

    public string Directory { get; }

    /// <summary>A 64-byte ELF64 little-endian executable header with e_machine set.</summary>
    public static byte[] ElfHeaderBytes(ushort machine)
    {
        var header = new byte[64];
        header[0] = 0x7F;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = 2; // ELFCLASS64
        header[5] = 1; // little endian
        header[6] = 1; // EV_CURRENT
        header[16] = 2; // ET_EXEC
        header[18] = (byte)(machine & 0xFF);
        header[19] = (byte)(machine >> 8);
        return header;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
