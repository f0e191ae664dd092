using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;

namespace Storyboard.Core.Imaging;

/// <summary>
/// A complete PNG decoder for still images: every colour type and bit depth of the PNG
/// specification, tRNS transparency, all five row filters and Adam7 interlacing. It exists
/// because no image codec library is available; 16-bit samples are reduced to their high byte.
/// </summary>
public sealed class PngDecoder : IImageDecoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    // Adam7 passes: x start, y start, x step, y step.
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    public static bool IsPng(ReadOnlySpan<byte> header) => header.Length >= 8 && header[..8].SequenceEqual(Signature);

    public bool CanDecode(ReadOnlySpan<byte> header) => IsPng(header);

    public Task<RgbaImage> DecodeAsync(ReadOnlyMemory<byte> encoded, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Decode(encoded.Span));
    }

    /// <exception cref="InvalidPngException">The bytes are not a well-formed PNG.</exception>
    /// <exception cref="UnsupportedPngException">The PNG is well-formed but cannot be read (e.g. an unknown compression method).</exception>
    public static RgbaImage Decode(ReadOnlySpan<byte> png)
    {
        var (header, palette, transparency, idat) = Parse(png);
        using (idat)
        {
            return Reconstruct(header, Inflate(idat), palette, transparency);
        }
    }

    /// <summary>
    /// The image without alpha (composited over black, as <see cref="RgbaImage.ToRgb"/> does). An
    /// 8-bit RGB PNG without transparency or interlacing (what ffmpeg writes for rgb24 frames and
    /// crops) is inflated row by row straight into the result, with no intermediate buffers.
    /// </summary>
    /// <exception cref="InvalidPngException">The bytes are not a well-formed PNG.</exception>
    /// <exception cref="UnsupportedPngException">The PNG is well-formed but cannot be read.</exception>
    public static RgbImage DecodeRgb(ReadOnlySpan<byte> png)
    {
        var (header, palette, transparency, idat) = Parse(png);
        using (idat)
        {
            return header is { ColourType: 2, BitDepth: 8, Interlace: 0 } && transparency is null
                ? ReconstructRgb(header, idat)
                : Reconstruct(header, Inflate(idat), palette, transparency).ToRgb();
        }
    }

    private static (Header Header, byte[]? Palette, byte[]? Transparency, MemoryStream Idat) Parse(ReadOnlySpan<byte> png)
    {
        if (!IsPng(png))
        {
            throw new InvalidPngException("the PNG signature is missing");
        }

        var header = default(Header);
        var haveHeader = false;
        byte[]? palette = null;
        byte[]? transparency = null;
        var idat = new MemoryStream();
        var pos = 8;
        var ended = false;
        while (!ended)
        {
            if (pos + 12 > png.Length)
            {
                throw new InvalidPngException("the file is truncated (no IEND chunk)");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            if (length > int.MaxValue || pos + 12 + (long)length > png.Length)
            {
                throw new InvalidPngException("a chunk runs past the end of the file");
            }

            var type = png.Slice(pos + 4, 4);
            var data = png.Slice(pos + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]);
            if (Crc32.Compute(type, data) != crc)
            {
                throw new InvalidPngException($"chunk '{System.Text.Encoding.ASCII.GetString(type)}' has a bad checksum");
            }

            switch (System.Text.Encoding.ASCII.GetString(type))
            {
                case "IHDR":
                    header = ReadHeader(data);
                    haveHeader = true;
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    if (idat.Length == 0 && haveHeader)
                    {
                        // One allocation for all IDAT chunks: the image data is usually most of the file.
                        idat.Capacity = Math.Max(idat.Capacity, png.Length - pos);
                    }

                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    if ((type[0] & 0x20) == 0)
                    {
                        throw new UnsupportedPngException($"critical chunk '{System.Text.Encoding.ASCII.GetString(type)}' is not known");
                    }

                    break;
            }

            pos += 12 + (int)length;
        }

        if (!haveHeader)
        {
            throw new InvalidPngException("the IHDR chunk is missing");
        }

        if (header.ColourType == 3 && palette is null)
        {
            throw new InvalidPngException("a palette image has no PLTE chunk");
        }

        idat.Position = 0;
        return (header, palette, transparency, idat);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new InvalidPngException("the IHDR chunk has the wrong length");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (width == 0 || height == 0 || width > 65535 || height > 65535)
        {
            throw new UnsupportedPngException($"image size {width}x{height} is outside 1..65535");
        }

        var h = new Header((int)width, (int)height, data[8], data[9], data[12]);
        var validDepths = h.ColourType switch
        {
            0 => new[] { 1, 2, 4, 8, 16 },
            3 => [1, 2, 4, 8],
            2 or 4 or 6 => [8, 16],
            _ => throw new InvalidPngException($"colour type {h.ColourType} does not exist"),
        };
        if (!validDepths.Contains(h.BitDepth))
        {
            throw new InvalidPngException($"bit depth {h.BitDepth} is not allowed with colour type {h.ColourType}");
        }

        if (data[10] != 0 || data[11] != 0)
        {
            throw new UnsupportedPngException("compression or filter method is not 0");
        }

        if (h.Interlace > 1)
        {
            throw new InvalidPngException($"interlace method {h.Interlace} does not exist");
        }

        return h;
    }

    private static byte[] Inflate(MemoryStream idat)
    {
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
            using var output = new MemoryStream();
            z.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidPngException("the compressed image data is corrupt", e);
        }
    }

    /// <summary>
    /// 8-bit RGB, not interlaced: rows are inflated some 64 KiB at a time (one native call per
    /// block, a buffer the GC keeps off the large-object heap) and unfiltered into their place in
    /// the result.
    /// </summary>
    private static RgbImage ReconstructRgb(Header h, MemoryStream idat)
    {
        var stride = checked(h.Width * 3);
        var lineLength = stride + 1;
        var rgb = new byte[checked(stride * h.Height)];
        var rowsPerRead = Math.Max(1, (64 * 1024) / lineLength);
        var block = new byte[Math.Min(h.Height, rowsPerRead) * lineLength];
        var zero = new byte[stride];
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
            for (var first = 0; first < h.Height; first += rowsPerRead)
            {
                var rows = Math.Min(rowsPerRead, h.Height - first);
                z.ReadExactly(block.AsSpan(0, rows * lineLength));
                for (var r = 0; r < rows; r++)
                {
                    var y = first + r;
                    var line = block.AsSpan(r * lineLength, lineLength);
                    var prev = y == 0 ? zero : rgb.AsSpan((y - 1) * stride, stride);
                    Unfilter(line[0], line[1..], rgb.AsSpan(y * stride, stride), prev, 3);
                }
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidPngException("the image data is shorter than its size says");
        }
        catch (InvalidDataException e)
        {
            throw new InvalidPngException("the compressed image data is corrupt", e);
        }

        return new RgbImage(h.Width, h.Height, rgb);
    }

    private static RgbaImage Reconstruct(Header h, byte[] raw, byte[]? palette, byte[]? trns)
    {
        var rgba = new byte[checked(h.Width * h.Height * 4)];
        var offset = 0;
        if (h.Interlace == 0)
        {
            offset = DecodePass(h, raw, offset, h.Width, h.Height, palette, trns, rgba, 0, 0, 1, 1);
        }
        else
        {
            foreach (var (x0, y0, dx, dy) in Adam7)
            {
                var pw = (h.Width - x0 + dx - 1) / dx;
                var ph = (h.Height - y0 + dy - 1) / dy;
                if (pw > 0 && ph > 0)
                {
                    offset = DecodePass(h, raw, offset, pw, ph, palette, trns, rgba, x0, y0, dx, dy);
                }
            }
        }

        return new RgbaImage(h.Width, h.Height, rgba);
    }

    private static int DecodePass(Header h, byte[] raw, int offset, int pw, int ph, byte[]? palette, byte[]? trns, byte[] rgba, int x0, int y0, int dx, int dy)
    {
        var bitsPerPixel = h.Channels * h.BitDepth;
        var stride = ((pw * bitsPerPixel) + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var prev = new byte[stride];
        var cur = new byte[stride];
        for (var y = 0; y < ph; y++)
        {
            if (offset + 1 + stride > raw.Length)
            {
                throw new InvalidPngException("the image data is shorter than its size says");
            }

            var filter = raw[offset];
            Unfilter(filter, raw.AsSpan(offset + 1, stride), cur, prev, bpp);
            offset += 1 + stride;
            WriteRow(h, cur, pw, palette, trns, rgba, x0, y0 + (y * dy), dx);
            (prev, cur) = (cur, prev);
        }

        return offset;
    }

    /// <summary>
    /// Undoes a row filter: <paramref name="cur"/> = <paramref name="raw"/> + the filter's
    /// prediction from the pixel to the left and the row above (<paramref name="prev"/>, already
    /// unfiltered). <paramref name="raw"/> and <paramref name="cur"/> may be the same memory: each
    /// byte is read before it is written, and only bytes already final are read back.
    /// </summary>
    private static void Unfilter(byte filter, ReadOnlySpan<byte> raw, Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        var n = cur.Length;
        switch (filter)
        {
            case 0:
                raw.CopyTo(cur);
                break;
            case 1:
                raw[..Math.Min(bpp, n)].CopyTo(cur);
                for (var i = bpp; i < n; i++)
                {
                    cur[i] = (byte)(raw[i] + cur[i - bpp]);
                }

                break;
            case 2:
            {
                // Bytes add modulo 256, which is what Vector<byte> addition does.
                var i = 0;
                for (; i <= n - Vector<byte>.Count; i += Vector<byte>.Count)
                {
                    (new Vector<byte>(raw[i..]) + new Vector<byte>(prev[i..])).CopyTo(cur[i..]);
                }

                for (; i < n; i++)
                {
                    cur[i] = (byte)(raw[i] + prev[i]);
                }

                break;
            }

            case 3:
                for (var i = 0; i < n; i++)
                {
                    var left = i >= bpp ? cur[i - bpp] : 0;
                    cur[i] = (byte)(raw[i] + ((left + prev[i]) >> 1));
                }

                break;
            case 4:
                for (var i = 0; i < n; i++)
                {
                    int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                    cur[i] = (byte)(raw[i] + Paeth(a, b, c));
                }

                break;
            default:
                throw new InvalidPngException($"row filter type {filter} does not exist");
        }
    }

    private static void WriteRgbRow(byte[] row, int pw, bool alpha, Span<byte> target)
    {
        if (alpha)
        {
            row.AsSpan(0, pw * 4).CopyTo(target);
            return;
        }

        for (int i = 0, j = 0; i < pw * 3; i += 3, j += 4)
        {
            target[j] = row[i];
            target[j + 1] = row[i + 1];
            target[j + 2] = row[i + 2];
            target[j + 3] = 255;
        }
    }

    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteRow(Header h, byte[] row, int pw, byte[]? palette, byte[]? trns, byte[] rgba, int x0, int y, int dx)
    {
        if (h.BitDepth == 8 && dx == 1 && (h.ColourType == 6 || (h.ColourType == 2 && trns is null)))
        {
            // The common case (ffmpeg's rgb24/rgba output): whole bytes, no per-sample arithmetic.
            WriteRgbRow(row, pw, h.ColourType == 6, rgba.AsSpan(((y * h.Width) + x0) * 4, pw * 4));
            return;
        }

        var depth = h.BitDepth;
        for (var i = 0; i < pw; i++)
        {
            var o = ((y * h.Width) + x0 + (i * dx)) * 4;
            switch (h.ColourType)
            {
                case 0:
                {
                    var raw = Sample(row, i, depth);
                    var g = Scale(raw, depth);
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = g;
                    rgba[o + 3] = trns is { Length: >= 2 } && raw == BinaryPrimitives.ReadUInt16BigEndian(trns) ? (byte)0 : (byte)255;
                    break;
                }

                case 2:
                {
                    int r = Sample(row, i * 3, depth), g = Sample(row, (i * 3) + 1, depth), b = Sample(row, (i * 3) + 2, depth);
                    rgba[o] = Scale(r, depth);
                    rgba[o + 1] = Scale(g, depth);
                    rgba[o + 2] = Scale(b, depth);
                    var transparent = trns is { Length: >= 6 }
                        && r == BinaryPrimitives.ReadUInt16BigEndian(trns)
                        && g == BinaryPrimitives.ReadUInt16BigEndian(trns.AsSpan(2))
                        && b == BinaryPrimitives.ReadUInt16BigEndian(trns.AsSpan(4));
                    rgba[o + 3] = transparent ? (byte)0 : (byte)255;
                    break;
                }

                case 3:
                {
                    var index = Sample(row, i, depth);
                    if ((index * 3) + 2 >= palette!.Length)
                    {
                        throw new InvalidPngException($"palette index {index} is outside the palette");
                    }

                    rgba[o] = palette[index * 3];
                    rgba[o + 1] = palette[(index * 3) + 1];
                    rgba[o + 2] = palette[(index * 3) + 2];
                    rgba[o + 3] = trns is not null && index < trns.Length ? trns[index] : (byte)255;
                    break;
                }

                case 4:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = Scale(Sample(row, i * 2, depth), depth);
                    rgba[o + 3] = Scale(Sample(row, (i * 2) + 1, depth), depth);
                    break;
                default:
                    rgba[o] = Scale(Sample(row, i * 4, depth), depth);
                    rgba[o + 1] = Scale(Sample(row, (i * 4) + 1, depth), depth);
                    rgba[o + 2] = Scale(Sample(row, (i * 4) + 2, depth), depth);
                    rgba[o + 3] = Scale(Sample(row, (i * 4) + 3, depth), depth);
                    break;
            }
        }
    }

    /// <summary>The n-th sample of a row at the given bit depth (MSB first for sub-byte depths).</summary>
    private static int Sample(byte[] row, int n, int depth) => depth switch
    {
        8 => row[n],
        16 => (row[n * 2] << 8) | row[(n * 2) + 1],
        _ => (row[(n * depth) >> 3] >> (8 - depth - ((n * depth) & 7))) & ((1 << depth) - 1),
    };

    private static byte Scale(int sample, int depth) => depth switch
    {
        8 => (byte)sample,
        16 => (byte)(sample >> 8),
        _ => (byte)(sample * 255 / ((1 << depth) - 1)),
    };

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColourType, byte Interlace)
    {
        public int Channels => ColourType switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };
    }
}
