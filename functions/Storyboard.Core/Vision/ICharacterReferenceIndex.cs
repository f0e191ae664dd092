namespace Storyboard.Core.Vision;

/// <summary>
/// The characters a detector can recognise, prepared once per run (a Rekognition collection in
/// AWS; reference descriptors offline). Detectors accept only the index kind they built.
/// </summary>
public interface ICharacterReferenceIndex
{
    /// <summary>Character names, sorted ordinally.</summary>
    IReadOnlyList<string> Characters { get; }

    /// <summary>What built it, e.g. <c>local:reference-detector v1</c>.</summary>
    string Service { get; }
}
