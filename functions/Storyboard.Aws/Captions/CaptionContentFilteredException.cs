namespace Storyboard.Aws.Captions;

/// <summary>
/// The captioning model's content filters refused the crop or withheld the caption. Retrying the
/// same crop gives the same answer; the crop has to be removed from the selection.
/// </summary>
public sealed class CaptionContentFilteredException : Exception
{
    public CaptionContentFilteredException() { }

    public CaptionContentFilteredException(string message) : base(message) { }

    public CaptionContentFilteredException(string message, Exception innerException) : base(message, innerException) { }
}
