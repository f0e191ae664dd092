using System.Globalization;
using System.Text;

namespace Storyboard.Aws.Rekognition;

/// <summary>
/// Rekognition's ExternalImageId allows only [a-zA-Z0-9_.\-:] (no spaces, no '/'), yet the
/// workflow stores the character name there and must read it back from search results. This is a
/// reversible encoding: every other character (and ':' itself) becomes ':' plus two hex digits
/// per UTF-8 byte, so "Mr. Snow" ↔ "Mr.:20Snow".
/// </summary>
public static class ExternalImageIds
{
    public const int MaxLength = 255;

    public static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var builder = new StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(value.AsSpan(i, length), utf8);
            i += length - 1;
            for (var b = 0; b < count; b++)
            {
                builder.Append(':').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length > MaxLength)
        {
            throw new ArgumentException($"'{value}' encodes to {builder.Length} characters; Rekognition allows {MaxLength}. Use a shorter name.", nameof(value));
        }

        return builder.ToString();
    }

    public static string Decode(string externalImageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalImageId);
        var bytes = new List<byte>(externalImageId.Length);
        for (var i = 0; i < externalImageId.Length; i++)
        {
            if (externalImageId[i] == ':' && i + 2 < externalImageId.Length && byte.TryParse(externalImageId.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)externalImageId[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
