using System.Text;

namespace Storyboard.Aws.Signing;

/// <summary>
/// RFC 3986 percent-encoding as AWS wants it: only A–Z a–z 0–9 '-' '.' '_' '~' stay literal,
/// everything else is UTF-8 bytes as %XX with upper-case hex. Used for URI labels, query
/// strings and the canonical request alike, so what is sent and what is signed agree.
/// </summary>
public static class UriEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    /// <summary>Encodes a value; '/' is encoded too unless <paramref name="keepSlash"/> (greedy labels).</summary>
    public static string Encode(string value, bool keepSlash = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = true;
        foreach (var c in value)
        {
            if (!IsUnreserved(c) && !(keepSlash && c == '/'))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return value;
        }

        var builder = new PooledTextBuilder(value.Length * 3);
        try
        {
            AppendEncoded(ref builder, value, keepSlash);
            return builder.ToString();
        }
        finally
        {
            builder.Dispose();
        }
    }

    internal static void AppendEncoded(ref PooledTextBuilder builder, ReadOnlySpan<char> value, bool keepSlash = false)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
                continue;
            }

            int byteCount;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                byteCount = Encoding.UTF8.GetBytes(value.Slice(i, 2), utf8);
                i++;
            }
            else
            {
                byteCount = Encoding.UTF8.GetBytes(value.Slice(i, 1), utf8);
            }

            for (var b = 0; b < byteCount; b++)
            {
                builder.Append('%');
                builder.Append(Hex[utf8[b] >> 4]);
                builder.Append(Hex[utf8[b] & 0xF]);
            }
        }
    }
}
