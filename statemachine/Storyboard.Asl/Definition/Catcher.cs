using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <param name="ResultPath">Where the error output goes; null discards it (the state input passes on).</param>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, JsonPathExpression? ResultPath);
