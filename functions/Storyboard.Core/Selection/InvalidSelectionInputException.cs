namespace Storyboard.Core.Selection;

/// <summary>Selection input mixes embedding lengths (two embedding models?) or repeats a crop id.</summary>
public sealed class InvalidSelectionInputException : Exception
{
    public InvalidSelectionInputException() { }

    public InvalidSelectionInputException(string message) : base(message) { }

    public InvalidSelectionInputException(string message, Exception innerException) : base(message, innerException) { }
}
