using Storyboard.Core.Vision;
using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Vision;

/// <summary>Reference descriptors built by <see cref="LocalCharacterReferenceIndexBuilder"/>; cheap to rebuild, so it is not persisted.</summary>
public sealed class LocalCharacterReferenceIndex : ICharacterReferenceIndex
{
    internal LocalCharacterReferenceIndex(IReadOnlyList<CharacterModel> models)
    {
        Models = models;
        Characters = [.. models.Select(m => m.Name)];
    }

    public IReadOnlyList<string> Characters { get; }

    public string Service => ReferenceCharacterDetector.ServiceName;

    internal IReadOnlyList<CharacterModel> Models { get; }
}
