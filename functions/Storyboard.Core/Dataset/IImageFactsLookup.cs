namespace Storyboard.Core.Dataset;

/// <summary>
/// Facts about the images a manifest references, gathered by the caller (from the crop records or by
/// reading headers from the store), so dataset validation stays pure.
/// </summary>
public interface IImageFactsLookup
{
    /// <summary>Facts for an <c>image-ref</c> exactly as written in the manifest, or null when unknown.</summary>
    ImageFacts? Find(string imageRef);
}
