using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Storyboard.Aws.Signing;

/// <summary>
/// AWS Signature Version 4, header form. Every request of every AWS call goes through
/// <see cref="Sign"/>, so it works on pooled buffers and one-shot hash functions and allocates
/// only the Authorization string (plus the derived signing key once per day, region and service).
/// </summary>
public sealed class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of the empty string, the payload hash of every bodiless request.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly SigV4PathStyle _pathStyle;
    private SigningKeyCacheEntry? _keyCache;

    public SigV4Signer(SigV4PathStyle pathStyle = SigV4PathStyle.NormalizeAndDoubleEncode)
    {
        _pathStyle = pathStyle;
    }

    /// <summary>Hex SHA-256 of a payload, as the canonical request and x-amz-content-sha256 want it.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The x-amz-date form of a UTC time.</summary>
    public static string FormatAmzDate(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Signs a request and returns the value of its Authorization header.</summary>
    /// <param name="method">HTTP method, upper case.</param>
    /// <param name="path">The path exactly as it goes on the wire (percent-encoded by the caller).</param>
    /// <param name="query">Query parameters, decoded; order does not matter.</param>
    /// <param name="headers">
    /// The headers to sign, exactly as sent, including host and x-amz-date (and
    /// x-amz-security-token when the credentials carry one). Repeated names are joined with ','.
    /// </param>
    /// <param name="payloadHash">Hex SHA-256 of the body (see <see cref="HashPayload"/>).</param>
    /// <param name="timestamp">The instant written in x-amz-date.</param>
    /// <param name="details">When given, receives the canonical request and string to sign.</param>
    public string Sign(
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string payloadHash,
        AwsCredentials credentials,
        string region,
        string service,
        DateTime timestamp,
        SigV4Details? details = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(payloadHash);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(service);

        timestamp = timestamp.ToUniversalTime();
        var sortedHeaders = SortHeaders(headers, out var headerCount);
        var builder = new PooledTextBuilder(1024);
        try
        {
            // Canonical request.
            builder.Append(method);
            builder.Append('\n');
            AppendCanonicalPath(ref builder, path, _pathStyle);
            builder.Append('\n');
            AppendCanonicalQuery(ref builder, query);
            builder.Append('\n');
            AppendCanonicalHeaders(ref builder, sortedHeaders, headerCount);
            builder.Append('\n');
            var signedHeadersFrom = builder.Length;
            AppendSignedHeaders(ref builder, sortedHeaders, headerCount);
            var signedHeadersLength = builder.Length - signedHeadersFrom;
            builder.Append('\n');
            builder.Append(payloadHash);

            Span<byte> canonicalHash = stackalloc byte[32];
            builder.HashUtf8(canonicalHash);
            var signedHeaders = builder.Slice(signedHeadersFrom, signedHeadersLength);

            // String to sign: ASCII only, small enough for the stack.
            Span<char> dateChars = stackalloc char[16];
            WriteAmzDate(timestamp, dateChars);
            ReadOnlySpan<char> amzDate = dateChars;
            var day = amzDate[..8];
            var scopeLength = 8 + 1 + region.Length + 1 + service.Length + 1 + 12;
            Span<char> scope = scopeLength <= 256 ? stackalloc char[scopeLength] : new char[scopeLength];
            var w = 0;
            day.CopyTo(scope); w += 8;
            scope[w++] = '/';
            region.AsSpan().CopyTo(scope[w..]); w += region.Length;
            scope[w++] = '/';
            service.AsSpan().CopyTo(scope[w..]); w += service.Length;
            "/aws4_request".AsSpan().CopyTo(scope[w..]);

            var stsLength = Algorithm.Length + 1 + 16 + 1 + scopeLength + 1 + 64;
            Span<byte> sts = stsLength <= 512 ? stackalloc byte[stsLength] : new byte[stsLength];
            w = Encoding.ASCII.GetBytes(Algorithm, sts);
            sts[w++] = (byte)'\n';
            w += Encoding.ASCII.GetBytes(amzDate, sts[w..]);
            sts[w++] = (byte)'\n';
            w += Encoding.ASCII.GetBytes(scope, sts[w..]);
            sts[w++] = (byte)'\n';
            Span<char> hex = stackalloc char[64];
            Convert.TryToHexStringLower(canonicalHash, hex, out _);
            w += Encoding.ASCII.GetBytes(hex, sts[w..]);

            var key = GetSigningKey(credentials.SecretAccessKey, day, region, service);
            Span<byte> signature = stackalloc byte[32];
            HMACSHA256.HashData(key, sts[..w], signature);
            Span<char> signatureHex = stackalloc char[64];
            Convert.TryToHexStringLower(signature, signatureHex, out _);

            if (details is not null)
            {
                details.CanonicalRequest = builder.ToString();
                details.StringToSign = Encoding.ASCII.GetString(sts[..w]);
                details.SignedHeaders = signedHeaders.ToString();
                details.Signature = signatureHex.ToString();
            }

            return BuildAuthorization(credentials.AccessKeyId, scope, signedHeaders, signatureHex);
        }
        finally
        {
            builder.Dispose();
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(sortedHeaders, clearArray: true);
        }
    }

    private static string BuildAuthorization(string accessKey, ReadOnlySpan<char> scope, ReadOnlySpan<char> signedHeaders, ReadOnlySpan<char> signature)
    {
        const string credentialPrefix = " Credential=";
        const string signedHeadersPrefix = ", SignedHeaders=";
        const string signaturePrefix = ", Signature=";
        var length = Algorithm.Length + credentialPrefix.Length + accessKey.Length + 1 + scope.Length
            + signedHeadersPrefix.Length + signedHeaders.Length + signaturePrefix.Length + signature.Length;
        Span<char> span = length <= 1024 ? stackalloc char[length] : new char[length];
        var w = 0;
        Write(Algorithm, span, ref w);
        Write(credentialPrefix, span, ref w);
        Write(accessKey, span, ref w);
        span[w++] = '/';
        Write(scope, span, ref w);
        Write(signedHeadersPrefix, span, ref w);
        Write(signedHeaders, span, ref w);
        Write(signaturePrefix, span, ref w);
        Write(signature, span, ref w);
        return new string(span);

        static void Write(ReadOnlySpan<char> text, Span<char> target, ref int at)
        {
            text.CopyTo(target[at..]);
            at += text.Length;
        }
    }

    private byte[] GetSigningKey(string secret, ReadOnlySpan<char> day, string region, string service)
    {
        var cached = _keyCache;
        if (cached is not null && cached.Matches(secret, day, region, service))
        {
            return cached.Key;
        }

        var secretBytes = Encoding.UTF8.GetBytes("AWS4" + secret);
        Span<byte> dayBytes = stackalloc byte[8];
        Encoding.ASCII.GetBytes(day, dayBytes);
        var kDate = HMACSHA256.HashData(secretBytes, dayBytes);
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        var kSigning = HMACSHA256.HashData(kService, "aws4_request"u8);
        CryptographicOperations.ZeroMemory(secretBytes);
        _keyCache = new SigningKeyCacheEntry(secret, day.ToString(), region, service, kSigning);
        return kSigning;
    }

    private static void WriteAmzDate(DateTime utc, Span<char> target)
    {
        utc.TryFormat(target, out var written, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (written != 16)
        {
            throw new InvalidOperationException("Unexpected x-amz-date length.");
        }
    }

    private static KeyValuePair<string, string>[] SortHeaders(IReadOnlyList<KeyValuePair<string, string>> headers, out int count)
    {
        count = headers.Count;
        var sorted = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(Math.Max(count, 1));
        for (var i = 0; i < count; i++)
        {
            var (name, value) = headers[i];
            sorted[i] = new KeyValuePair<string, string>(IsLowerAscii(name) ? name : name.ToLowerInvariant(), value);
        }

        // Insertion sort: stable (repeated headers keep their order, which the signature depends
        // on) and the fastest choice for the handful of headers a request carries.
        for (var i = 1; i < count; i++)
        {
            var current = sorted[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(sorted[j].Key, current.Key) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = current;
        }

        return sorted;
    }

    private static bool IsLowerAscii(string name)
    {
        foreach (var c in name)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendCanonicalHeaders(ref PooledTextBuilder builder, KeyValuePair<string, string>[] sorted, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = sorted[i].Key;
            if (i > 0 && string.Equals(sorted[i - 1].Key, name, StringComparison.Ordinal))
            {
                // Same header again: values are joined with ',' on the line already started.
                builder.Length--;
                builder.Append(',');
            }
            else
            {
                builder.Append(name);
                builder.Append(':');
            }

            AppendTrimmedValue(ref builder, sorted[i].Value);
            builder.Append('\n');
        }
    }

    /// <summary>Trims the value and folds every run of whitespace (including line folds) into one space.</summary>
    private static void AppendTrimmedValue(ref PooledTextBuilder builder, string value)
    {
        var span = value.AsSpan().Trim();
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }
    }

    private static void AppendSignedHeaders(ref PooledTextBuilder builder, KeyValuePair<string, string>[] sorted, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && string.Equals(sorted[i - 1].Key, sorted[i].Key, StringComparison.Ordinal))
            {
                continue;
            }

            if (i > 0)
            {
                builder.Append(';');
            }

            builder.Append(sorted[i].Key);
        }
    }

    private static void AppendCanonicalPath(ref PooledTextBuilder builder, string path, SigV4PathStyle style)
    {
        if (path.Length == 0)
        {
            builder.Append('/');
            return;
        }

        if (style == SigV4PathStyle.AsSent)
        {
            builder.Append(path);
            return;
        }

        var endsWithSlash = path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal);
        Span<Range> segments = path.Length <= 128 ? stackalloc Range[path.Length + 1] : new Range[path.Length + 1];
        var segmentCount = path.AsSpan().Split(segments, '/');
        Span<int> kept = segmentCount <= 128 ? stackalloc int[segmentCount] : new int[segmentCount];
        var keptCount = 0;
        for (var i = 0; i < segmentCount; i++)
        {
            var segment = path.AsSpan()[segments[i]];
            if (segment.Length == 0 || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                keptCount = Math.Max(0, keptCount - 1);
                continue;
            }

            kept[keptCount++] = i;
        }

        if (keptCount == 0)
        {
            builder.Append('/');
            return;
        }

        for (var i = 0; i < keptCount; i++)
        {
            builder.Append('/');
            UriEncoding.AppendEncoded(ref builder, path.AsSpan()[segments[kept[i]]]);
        }

        if (endsWithSlash)
        {
            builder.Append('/');
        }
    }

    private static void AppendCanonicalQuery(ref PooledTextBuilder builder, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var count = query.Count;
        if (count == 0)
        {
            return;
        }

        var encoded = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                encoded[i] = new KeyValuePair<string, string>(UriEncoding.Encode(query[i].Key), UriEncoding.Encode(query[i].Value));
            }

            Array.Sort(encoded, 0, count, QueryComparer.Instance);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append('&');
                }

                builder.Append(encoded[i].Key);
                builder.Append('=');
                builder.Append(encoded[i].Value);
            }
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(encoded, clearArray: true);
        }
    }

    private sealed class QueryComparer : IComparer<KeyValuePair<string, string>>
    {
        public static readonly QueryComparer Instance = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
        {
            var byName = string.CompareOrdinal(x.Key, y.Key);
            return byName != 0 ? byName : string.CompareOrdinal(x.Value, y.Value);
        }
    }

    private sealed record SigningKeyCacheEntry(string Secret, string Day, string Region, string Service, byte[] Key)
    {
        public bool Matches(string secret, ReadOnlySpan<char> day, string region, string service) =>
            ReferenceEquals(Secret, secret) || string.Equals(Secret, secret, StringComparison.Ordinal)
                ? day.SequenceEqual(Day) && string.Equals(Region, region, StringComparison.Ordinal) && string.Equals(Service, service, StringComparison.Ordinal)
                : false;
    }
}
