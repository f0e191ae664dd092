namespace Storyboard.Functions.Errors;

/// <summary>A state's payload is not what statemachine/storyboard.asl.json passes to it.</summary>
public sealed class InvalidStateInputException : Exception
{
    public InvalidStateInputException()
    {
    }

    public InvalidStateInputException(string message)
        : base(message)
    {
    }

    public InvalidStateInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static InvalidStateInputException Missing(string state, string field) =>
        new($"{state} received no '{field}'. Its payload comes from statemachine/storyboard.asl.json; start the run from the workflow (or pass the field when calling the handler directly).");
}
