namespace Storyboard.Functions.Errors;

/// <summary>Some planned segments left no results in the run folder, so a selection over them would silently miss part of the video.</summary>
public sealed class SegmentResultsMissingException : Exception
{
    public SegmentResultsMissingException()
    {
    }

    public SegmentResultsMissingException(string message)
        : base(message)
    {
    }

    public SegmentResultsMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
