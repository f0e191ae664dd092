namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>A clock that always reads the same time, so re-runs write byte-identical files.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
