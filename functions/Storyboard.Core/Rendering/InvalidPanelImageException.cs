namespace Storyboard.Core.Rendering;

/// <summary>A storyboard panel is not a PNG image, so it cannot be laid out on the sheet.</summary>
public sealed class InvalidPanelImageException : Exception
{
    public InvalidPanelImageException() { }

    public InvalidPanelImageException(string message) : base(message) { }

    public InvalidPanelImageException(string message, Exception innerException) : base(message, innerException) { }
}
