using Storyboard.Core.Validation;

namespace Storyboard.Core.Config;

/// <summary>The run config cannot be used; <see cref="Problems"/> lists every problem, each with its field path.</summary>
public sealed class InvalidRunConfigException : Exception
{
    public InvalidRunConfigException() : this([]) { }

    public InvalidRunConfigException(string message) : base(message) => Problems = [];

    public InvalidRunConfigException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public InvalidRunConfigException(IReadOnlyList<ValidationProblem> problems)
        : base(FormatMessage(problems)) => Problems = problems;

    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<ValidationProblem> problems) =>
        problems is null || problems.Count == 0
            ? "The run config is invalid."
            : $"The run config has {problems.Count} problem(s); fix them and start the run again:"
              + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
