using System.Text;

namespace Storyboard.Core.Storage;

/// <summary>
/// The one rule for keys, shared by every store: a key that is valid here is the same object in
/// S3 and in a local folder, and can never name a file outside the run folder.
/// </summary>
public static class ObjectKey
{
    /// <summary>S3's limit is 1024 bytes of UTF-8.</summary>
    public const int MaxUtf8Bytes = 1024;

    public static string Validate(string key)
    {
        if (TryValidate(key, out var problem))
        {
            return key;
        }

        throw new InvalidObjectKeyException($"Invalid object key '{Printable(key)}': {problem}");
    }

    public static bool TryValidate(string? key, out string problem)
    {
        if (string.IsNullOrEmpty(key))
        {
            problem = "the key is empty.";
            return false;
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxUtf8Bytes)
        {
            problem = $"the key is longer than {MaxUtf8Bytes} bytes of UTF-8.";
            return false;
        }

        if (key[0] == '/' || key[0] == '\\' || (key.Length > 1 && key[1] == ':'))
        {
            problem = "keys are relative; remove the leading '/' or drive letter.";
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                problem = $"control character U+{(int)c:X4} is not allowed.";
                return false;
            }

            if (c == '\\')
            {
                problem = "use '/' to separate key segments, not '\\'.";
                return false;
            }
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 && !key.EndsWith('/'))
            {
                problem = "empty segment ('//'); every segment needs a name.";
                return false;
            }

            if (segment is "." or "..")
            {
                problem = $"'{segment}' segments are not allowed; keys cannot leave the run folder.";
                return false;
            }
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>Joins segments with '/', trimming stray separators at the seams.</summary>
    public static string Combine(params string[] segments)
    {
        var builder = new StringBuilder();
        foreach (var raw in segments)
        {
            var segment = raw.Trim('/');
            if (segment.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }

    private static string Printable(string? key) =>
        key is null ? "(null)" : new string(key.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
