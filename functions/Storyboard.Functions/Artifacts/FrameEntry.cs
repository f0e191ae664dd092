namespace Storyboard.Functions.Artifacts;

/// <summary>One sampled frame in the store.</summary>
/// <param name="TimeSeconds">The decoded frame's true presentation time.</param>
public sealed record FrameEntry(string Key, double TimeSeconds, int Width, int Height);
