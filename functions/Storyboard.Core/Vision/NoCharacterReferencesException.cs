namespace Storyboard.Core.Vision;

/// <summary>There is nothing to recognise: no reference images were found.</summary>
public sealed class NoCharacterReferencesException : Exception
{
    public NoCharacterReferencesException()
        : base("No character reference images were found. Put at least one PNG or JPEG per character under characters/<Name>/ (e.g. characters/Dino/dino.png).")
    {
    }

    public NoCharacterReferencesException(string message)
        : base(message)
    {
    }

    public NoCharacterReferencesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
