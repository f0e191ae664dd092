namespace Storyboard.Core.Dataset;

/// <summary>An <see cref="IImageFactsLookup"/> over facts already in memory.</summary>
public sealed class DictionaryImageFactsLookup(IReadOnlyDictionary<string, ImageFacts> facts) : IImageFactsLookup
{
    public ImageFacts? Find(string imageRef) => facts.GetValueOrDefault(imageRef);
}
