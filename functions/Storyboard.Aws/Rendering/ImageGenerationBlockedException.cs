namespace Storyboard.Aws.Rendering;

/// <summary>
/// The image model's content filters refused the prompt or withheld every generated image.
/// Retrying the same prompt gives the same answer; the scene's prompt has to change.
/// </summary>
public sealed class ImageGenerationBlockedException : Exception
{
    public ImageGenerationBlockedException() { }

    public ImageGenerationBlockedException(string message) : base(message) { }

    public ImageGenerationBlockedException(string message, Exception innerException) : base(message, innerException) { }
}
