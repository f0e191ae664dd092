namespace Storyboard.Functions.Model;

/// <summary>A state's Payload lacks a member the step needs; the workflow definition and the handler disagree.</summary>
public sealed class MissingStepInputException : Exception
{
    public MissingStepInputException() { }

    public MissingStepInputException(string message) : base(message) { }

    public MissingStepInputException(string message, Exception innerException) : base(message, innerException) { }

    public static MissingStepInputException For(string state, string member) =>
        new($"{state} received no '{member}' in its Payload. Check the state's Parameters in statemachine/storyboard.asl.json.");
}
