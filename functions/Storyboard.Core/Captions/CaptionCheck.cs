namespace Storyboard.Core.Captions;

/// <summary>A normalised caption and every reason it cannot be used (none when <see cref="IsValid"/>).</summary>
public sealed record CaptionCheck(string Caption, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
