namespace Storyboard.Core.Json;

/// <summary>A JSON Lines file has a line that is not a valid record; the message names the line.</summary>
public sealed class JsonLinesFormatException : Exception
{
    public JsonLinesFormatException() { }

    public JsonLinesFormatException(string message) : base(message) { }

    public JsonLinesFormatException(string message, Exception innerException) : base(message, innerException) { }

    public int LineNumber { get; init; }
}
