namespace Storyboard.Functions.Artifacts;

/// <summary>One sampled frame in the store.</summary>
/// <param name="TimeSeconds">The decoded frame's true presentation time.</param>
/// <param name="WorkingKey">
/// The frame's small PNG working copy (<c>frames-work/&lt;segment&gt;/&lt;ms&gt;.png</c>), read
/// in-process by the filters and the detector; absent in runs extracted without one, which then
/// fall back to scaling the JPEG with ffmpeg.
/// </param>
public sealed record FrameEntry(string Key, double TimeSeconds, int Width, int Height, string? WorkingKey = null);
