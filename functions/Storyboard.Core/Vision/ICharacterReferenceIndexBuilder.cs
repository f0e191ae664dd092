namespace Storyboard.Core.Vision;

/// <summary>Builds an <see cref="ICharacterReferenceIndex"/> from reference images.</summary>
public interface ICharacterReferenceIndexBuilder
{
    /// <exception cref="NoCharacterReferencesException">No references were given.</exception>
    /// <exception cref="InvalidReferenceImageException">A reference is not a usable image.</exception>
    Task<ICharacterReferenceIndex> BuildAsync(IReadOnlyList<CharacterReferenceImage> references, CancellationToken cancellationToken);
}
