namespace Storyboard.Core.Validation;

/// <summary>
/// One broken rule, named by the path a user would edit (e.g. <c>storyboard.scenes[2].seed</c>),
/// so a config or request with several mistakes is fixed in one pass instead of one per run.
/// </summary>
/// <param name="Path">Field path in the JSON the user wrote (camelCase, with array indices).</param>
/// <param name="Value">The offending value as text (invariant culture), or "(missing)".</param>
/// <param name="Rule">What is allowed, e.g. "must be between 0 and 858,993,459".</param>
public sealed record ValidationProblem(string Path, string Value, string Rule)
{
    public override string ToString() => $"{Path} = {Value}: {Rule}";
}
