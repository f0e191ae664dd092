namespace Storyboard.Core.Dataset;

/// <summary>One broken dataset rule.</summary>
/// <param name="Line">1-based line of the manifest; 0 for rules about the whole file.</param>
/// <param name="Field">The key concerned (<c>image-ref</c>, <c>caption</c>, <c>image</c>, <c>records</c>, <c>line</c>).</param>
public sealed record DatasetViolation(int Line, string Field, string Message)
{
    public override string ToString() => Line == 0 ? $"{Field}: {Message}" : $"line {Line}, {Field}: {Message}";
}
