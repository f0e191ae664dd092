namespace Storyboard.Core.Storage;

/// <summary>The object the step needs is not in the store; usually an earlier step did not run or a key is misspelled.</summary>
public sealed class ObjectNotFoundException : Exception
{
    public ObjectNotFoundException() { }

    public ObjectNotFoundException(string message) : base(message) { }

    public ObjectNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public static ObjectNotFoundException ForKey(string key) =>
        new($"No object at key '{key}'. Check the key, or run the step that writes it first.");
}
