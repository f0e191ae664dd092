namespace Storyboard.Media.Internal;

/// <summary>Turns a caller's source into the one argument ffmpeg should see.</summary>
internal static class MediaInput
{
    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Local paths get the <c>file:</c> protocol so ffmpeg never reads a colon in a file name as a
    /// protocol or a leading dash as an option.
    /// </summary>
    public static string ToArgument(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return IsUrl(source) ? source : "file:" + Path.GetFullPath(source);
    }

    /// <summary>Local outputs the same way.</summary>
    public static string ToOutputArgument(string path) => "file:" + Path.GetFullPath(path);

    public static void EnsureLocalFileExists(string source)
    {
        if (!IsUrl(source) && !File.Exists(source))
        {
            throw new FileNotFoundException($"No file at \"{source}\". Copy the object from the store to local scratch space first.", source);
        }
    }
}
