namespace Storyboard.Core.Media;

/// <summary>
/// Rules a video must meet before any frame is decoded; checked on the probe result so an
/// oversized upload costs one header read instead of hours of decoding.
/// </summary>
/// <param name="MaxDurationSeconds">Longest accepted video.</param>
public sealed record VideoLimits(double MaxDurationSeconds)
{
    /// <exception cref="VideoTooLongException">The video is longer than <see cref="MaxDurationSeconds"/>.</exception>
    public void EnsureAllowed(VideoInfo video, string source)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (video.DurationSeconds > MaxDurationSeconds)
        {
            throw VideoTooLongException.For(source, video.DurationSeconds, MaxDurationSeconds);
        }
    }
}
