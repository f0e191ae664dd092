using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Tests.Support;

/// <summary>
/// Recomputes a SigV4 signature from a request as received, written independently of the
/// product's signer (plain strings, Uri.EscapeDataString, no pooling), so a shared bug cannot hide.
/// </summary>
internal static class ReferenceSigV4Verifier
{
    /// <returns>Null when the signature is valid; otherwise what is wrong.</returns>
    public static string? Verify(RecordedRequest request, AwsCredentials credentials, string expectedRegion, string? expectedService, bool s3Style = false)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "no AWS4-HMAC-SHA256 Authorization header";
        }

        var fields = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ")
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var credential = fields["Credential"].Split('/');
        var (accessKey, day, region, service) = (credential[0], credential[1], credential[2], credential[3]);
        if (accessKey != credentials.AccessKeyId)
        {
            return $"signed with access key {accessKey}";
        }

        if (region != expectedRegion || (expectedService is not null && service != expectedService))
        {
            return $"scope {region}/{service}, expected {expectedRegion}/{expectedService}";
        }

        var amzDate = request.Header("x-amz-date") ?? "";
        if (!amzDate.StartsWith(day, StringComparison.Ordinal))
        {
            return "x-amz-date does not match the credential scope day";
        }

        var signedHeaders = fields["SignedHeaders"].Split(';');
        foreach (var required in new[] { "host", "x-amz-date" })
        {
            if (!signedHeaders.Contains(required))
            {
                return $"{required} is not signed";
            }
        }

        if (credentials.SessionToken is not null && (!signedHeaders.Contains("x-amz-security-token") || request.Header("x-amz-security-token") != credentials.SessionToken))
        {
            return "the session token is not sent and signed";
        }

        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(s3Style ? request.RawPath : CanonicalPath(request.RawPath)).Append('\n');
        canonical.Append(string.Join('&', request.Query
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value))).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).ToList();
            if (values.Count == 0)
            {
                return $"signed header {name} was not received";
            }

            canonical.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        canonical.Append('\n').Append(fields["SignedHeaders"]).Append('\n');
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(request.Body));
        if (s3Style && (request.Header("x-amz-content-sha256") != bodyHash || !signedHeaders.Contains("x-amz-content-sha256")))
        {
            return "x-amz-content-sha256 is missing, unsigned or wrong";
        }

        canonical.Append(bodyHash);

        var scope = $"{day}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey);
        foreach (var part in new[] { day, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == fields["Signature"] ? null : $"signature mismatch; canonical request was:\n{canonical}";
    }

    /// <summary>Non-S3 rule: the received (already encoded) path is encoded once more.</summary>
    private static string CanonicalPath(string rawPath)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(rawPath))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '/')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }
}
