namespace Storyboard.Core.Imaging;

/// <summary>The bytes are not a well-formed PNG (bad signature, truncated, bad checksum, bad data).</summary>
public sealed class InvalidPngException : Exception
{
    public InvalidPngException()
        : base("The data is not a valid PNG image.")
    {
    }

    public InvalidPngException(string message)
        : base($"Not a valid PNG image: {message}.")
    {
    }

    public InvalidPngException(string message, Exception innerException)
        : base($"Not a valid PNG image: {message}.", innerException)
    {
    }
}
