namespace Storyboard.Aws.Vision;

/// <summary>
/// A character has references, but nothing in them the detector can recognise it by: Rekognition
/// found no face in any of them and none could be read for its colours. Without this check the run
/// would go on, pay for every frame and never find the character.
/// </summary>
public sealed class UnrecognizableCharacterException : Exception
{
    public UnrecognizableCharacterException() { }

    public UnrecognizableCharacterException(string message) : base(message) { }

    public UnrecognizableCharacterException(string message, Exception innerException) : base(message, innerException) { }

    public UnrecognizableCharacterException(IReadOnlyList<string> characters, string details)
        : base($"Rekognition cannot recognise {string.Join(", ", characters.Select(c => $"'{c}'"))}: {details} "
            + "Add a reference per character in which a face is clearly visible (front view, eyes and mouth showing, at least 80x80 pixels), "
            + "use PNG references so the character can be matched by its colours, or train a Rekognition Custom Labels model and set its project version ARN.")
    {
        Characters = characters;
    }

    public IReadOnlyList<string> Characters { get; } = [];
}
