using System.Globalization;
using Storyboard.Core.Media;

namespace Storyboard.Core.Planning;

/// <summary>
/// The duration rule as a value, so the media adapter that probes the video decides which named
/// error to raise and Core stays free of adapter exceptions.
/// </summary>
public static class DurationPolicy
{
    public static DurationCheck Check(VideoInfo video, double maxVideoSeconds)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (!double.IsFinite(video.DurationSeconds) || video.DurationSeconds <= 0)
        {
            return new(false, "the video's duration is unknown or zero; re-encode it (e.g. ffmpeg -i in -c copy out.mp4) so the container records a duration");
        }

        if (video.DurationSeconds > maxVideoSeconds)
        {
            return new(false, string.Create(
                CultureInfo.InvariantCulture,
                $"the video is {Clock(video.DurationSeconds)} long; the limit is {Clock(maxVideoSeconds)} (maxVideoSeconds). Cut the video or raise maxVideoSeconds in the run config"));
        }

        return DurationCheck.Allowed;
    }

    private static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds, 3));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}.{t.Milliseconds:000}");
    }
}
