using Storyboard.Core.Validation;

namespace Storyboard.Core.Requests;

/// <summary>A fine-tuning or generation request that the model would refuse; lists every problem.</summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException() : this([]) { }

    public InvalidRequestException(string message) : base(message) => Problems = [];

    public InvalidRequestException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public InvalidRequestException(IReadOnlyList<ValidationProblem> problems)
        : base(FormatMessage(problems)) => Problems = problems;

    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<ValidationProblem> problems) =>
        problems is null || problems.Count == 0
            ? "The request is invalid."
            : $"The request has {problems.Count} problem(s):" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
