namespace Storyboard.Core.Imaging;

/// <summary>A well-formed PNG that uses a feature this decoder does not read.</summary>
public sealed class UnsupportedPngException : Exception
{
    public UnsupportedPngException()
        : base("The PNG uses an unsupported feature.")
    {
    }

    public UnsupportedPngException(string message)
        : base($"Unsupported PNG: {message}. Re-save it as an 8-bit RGB or RGBA PNG (e.g. ffmpeg -i in.png -pix_fmt rgba out.png).")
    {
    }

    public UnsupportedPngException(string message, Exception innerException)
        : base($"Unsupported PNG: {message}.", innerException)
    {
    }
}
