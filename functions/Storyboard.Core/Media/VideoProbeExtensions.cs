namespace Storyboard.Core.Media;

public static class VideoProbeExtensions
{
    /// <summary>Probes and applies <paramref name="limits"/>; nothing is decoded when a limit is broken.</summary>
    public static async Task<VideoInfo> ProbeWithinLimitsAsync(this IVideoProbe probe, string source, VideoLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(limits);
        var video = await probe.ProbeAsync(source, cancellationToken).ConfigureAwait(false);
        limits.EnsureAllowed(video, source);
        return video;
    }
}
