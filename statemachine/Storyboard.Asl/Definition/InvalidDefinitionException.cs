namespace Storyboard.Asl.Definition;

/// <summary>The definition cannot run: every problem found is listed, each naming the state and field.</summary>
public sealed class InvalidDefinitionException : Exception
{
    public InvalidDefinitionException() : this([]) { }

    public InvalidDefinitionException(string message) : this([message]) { }

    public InvalidDefinitionException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    public InvalidDefinitionException(IReadOnlyList<string> problems)
        : base(problems.Count == 0
            ? "The state machine definition is invalid."
            : $"The state machine definition has {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
