using Storyboard.Aws.Vision.Internal;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Vision;

/// <summary>
/// The characters <see cref="RekognitionCharacterDetector"/> can name: the collection their
/// reference faces are indexed in, the ExternalImageIds of the current references (a face match
/// counts only when it is one of them, so stale or foreign faces in a shared collection are never
/// reported), and each reference's colour distribution for label instances without a matching face.
/// </summary>
public sealed class RekognitionCharacterReferenceIndex : ICharacterReferenceIndex
{
    internal RekognitionCharacterReferenceIndex(
        string collectionId,
        IReadOnlyList<string> characters,
        IReadOnlySet<string> referenceFaceIds,
        IReadOnlyDictionary<string, int>? facesByCharacter,
        IReadOnlyList<CharacterAppearance> appearances)
    {
        CollectionId = collectionId;
        Characters = characters;
        ReferenceFaceIds = referenceFaceIds;
        FacesByCharacter = facesByCharacter;
        Appearances = appearances;
    }

    public IReadOnlyList<string> Characters { get; }

    public string Service => RekognitionCharacterDetector.ServiceName;

    public string CollectionId { get; }

    /// <summary>
    /// Faces of the current references in the collection per character, after this build; null
    /// when the collection could not be read (read-only build without rekognition:ListFaces).
    /// A zero means no face of the character is indexed (Rekognition found none in its references).
    /// </summary>
    public IReadOnlyDictionary<string, int>? FacesByCharacter { get; }

    /// <summary>Characters that can only be found by appearance (or by a Custom Labels model); empty when unknown.</summary>
    public IReadOnlyList<string> CharactersWithoutFaces =>
        FacesByCharacter is null ? [] : [.. Characters.Where(c => FacesByCharacter.GetValueOrDefault(c) == 0)];

    /// <summary>False only when the collection is known to hold no face of any character: then no frame needs a face search.</summary>
    public bool MayHaveFaces => FacesByCharacter is null || FacesByCharacter.Values.Any(n => n > 0);

    internal IReadOnlySet<string> ReferenceFaceIds { get; }

    internal IReadOnlyList<CharacterAppearance> Appearances { get; }
}
