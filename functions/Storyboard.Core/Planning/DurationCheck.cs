namespace Storyboard.Core.Planning;

/// <summary>Whether a video's duration is acceptable, and if not, a message the user can act on.</summary>
public sealed record DurationCheck(bool IsAllowed, string? Problem)
{
    public static DurationCheck Allowed { get; } = new(true, null);
}
