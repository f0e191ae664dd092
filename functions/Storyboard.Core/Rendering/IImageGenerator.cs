namespace Storyboard.Core.Rendering;

/// <summary>Text to image: the custom model through Bedrock Runtime, or offline previews.</summary>
public interface IImageGenerator
{
    /// <summary>As many PNGs as the request's <c>numberOfImages</c> (fewer only when the source has fewer).</summary>
    Task<GeneratedImages> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);
}
