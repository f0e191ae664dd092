namespace Storyboard.Functions.Errors;

/// <summary>
/// The reference images changed after PrepareCharacters indexed them, so part of the run would be
/// detected against different references than the rest.
/// </summary>
public sealed class ReferencesChangedException : Exception
{
    public ReferencesChangedException()
    {
    }

    public ReferencesChangedException(string message)
        : base(message)
    {
    }

    public ReferencesChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
