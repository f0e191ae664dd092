namespace Storyboard.Aws.S3;

/// <summary>One S3 object tag.</summary>
public sealed record ObjectTag(string Key, string Value)
{
    /// <summary>Reads <c>key=value</c>, the form the stack passes in STORYBOARD_FRAME_TAG.</summary>
    /// <exception cref="FormatException">Not <c>key=value</c> with a non-empty key.</exception>
    public static ObjectTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"'{text}' is not an object tag; write it as key=value, e.g. storyboard:kind=frame.");
        }

        return new ObjectTag(text[..equals].Trim(), text[(equals + 1)..].Trim());
    }
}
