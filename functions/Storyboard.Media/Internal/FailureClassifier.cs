using System.Text;
using System.Text.Unicode;
using Storyboard.Core.Media;

namespace Storyboard.Media.Internal;

/// <summary>
/// Names what went wrong when ffmpeg/ffprobe refuse an input, from the tool's own words and the
/// file's first bytes, so the user hears "this is a text file" rather than an exit code.
/// </summary>
internal static class FailureClassifier
{
    private static readonly string[] DamagedMarkers =
    [
        "moov atom not found", "Invalid NAL", "partial file", "error reading header", "Truncating packet",
        "Invalid data found when processing input",
    ];

    public static Exception Classify(string tool, string source, string doing, int exitCode, string stderrTail)
    {
        var head = ReadHead(source);
        if (head is { Length: 0 })
        {
            return NotAVideoException.For(source, "the file is empty (0 bytes)");
        }

        if (head is not null && LooksLikeContainer(head))
        {
            return CorruptVideoException.For(source, "the file is incomplete or damaged", stderrTail);
        }

        if (head is not null && LooksLikeText(head))
        {
            var start = Encoding.UTF8.GetString(head.AsSpan(0, Math.Min(head.Length, 40))).ReplaceLineEndings(" ").Trim();
            return NotAVideoException.For(source, $"it is a text file (it begins \"{start}\")");
        }

        if (stderrTail.Contains("Invalid data found when processing input", StringComparison.Ordinal))
        {
            return NotAVideoException.For(source, "ffmpeg does not recognise its format");
        }

        if (DamagedMarkers.Any(m => stderrTail.Contains(m, StringComparison.Ordinal)))
        {
            return CorruptVideoException.For(source, "the file is incomplete or damaged", stderrTail);
        }

        return MediaProcessFailedException.For(tool, doing, exitCode, stderrTail);
    }

    private static byte[]? ReadHead(string source)
    {
        if (MediaInput.IsUrl(source) || !File.Exists(source))
        {
            return null;
        }

        using var file = File.OpenRead(source);
        var buffer = new byte[512];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>ISO media (MP4/MOV), Matroska/WebM, AVI, MPEG-TS/PS and FLV signatures.</summary>
    private static bool LooksLikeContainer(byte[] head) =>
        (head.Length >= 8 && head.AsSpan(4, 4).SequenceEqual("ftyp"u8))
        || (head.Length >= 4 && head.AsSpan(0, 4).SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
        || (head.Length >= 12 && head.AsSpan(0, 4).SequenceEqual("RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("AVI "u8))
        || (head.Length >= 3 && head.AsSpan(0, 3).SequenceEqual("FLV"u8))
        || (head.Length >= 189 && head[0] == 0x47 && head[188] == 0x47)
        || (head.Length >= 4 && head.AsSpan(0, 4).SequenceEqual(new byte[] { 0x00, 0x00, 0x01, 0xBA }));

    private static bool LooksLikeText(byte[] head)
    {
        if (head.Length == 0)
        {
            return false;
        }

        var printable = head.Count(b => b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t' or >= 0x80);
        return !head.Contains((byte)0) && printable == head.Length && IsValidUtf8(head);
    }

    private static bool IsValidUtf8(byte[] head)
    {
        // The 512-byte window may cut a multi-byte character; allow that at the very end.
        for (var cut = 0; cut <= 3 && cut < head.Length; cut++)
        {
            if (Utf8.IsValid(head.AsSpan(0, head.Length - cut)))
            {
                return true;
            }
        }

        return false;
    }
}
