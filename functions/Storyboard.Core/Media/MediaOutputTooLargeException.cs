using System.Globalization;

namespace Storyboard.Core.Media;

/// <summary>A media process wrote more output than its cap allows and was stopped.</summary>
public sealed class MediaOutputTooLargeException : Exception
{
    public MediaOutputTooLargeException() { }

    public MediaOutputTooLargeException(string message) : base(message) { }

    public MediaOutputTooLargeException(string message, Exception innerException) : base(message, innerException) { }

    public static MediaOutputTooLargeException For(string tool, long capBytes) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{tool} wrote more than {capBytes} bytes and was stopped. Request smaller output (lower frame rate, smaller thumbnails or shorter segments)."));
}
