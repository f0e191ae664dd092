using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Storyboard.Core.Dataset;

/// <summary>An <c>s3://bucket/key</c> reference, as training manifests use.</summary>
public sealed partial record S3Uri(string Bucket, string Key)
{
    public override string ToString() => $"s3://{Bucket}/{Key}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out S3Uri? uri, out string problem)
    {
        uri = null;
        if (string.IsNullOrEmpty(text) || !text.StartsWith("s3://", StringComparison.Ordinal))
        {
            problem = "must start with s3://";
            return false;
        }

        var rest = text["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            problem = "must be s3://bucket/key";
            return false;
        }

        var bucket = rest[..slash];
        var key = rest[(slash + 1)..];
        if (!BucketPattern().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            problem = $"bucket '{bucket}' is not a valid S3 bucket name (3-63 lowercase letters, digits, '.' or '-')";
            return false;
        }

        if (key.Length == 0 || key.EndsWith('/'))
        {
            problem = "must name an object, not a bucket or folder";
            return false;
        }

        if (key.Any(char.IsControl))
        {
            problem = "the key contains a control character";
            return false;
        }

        uri = new S3Uri(bucket, key);
        problem = string.Empty;
        return true;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();
}
