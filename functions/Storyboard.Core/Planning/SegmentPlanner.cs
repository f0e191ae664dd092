using System.Globalization;
using Storyboard.Core.Config;
using Storyboard.Core.Media;

namespace Storyboard.Core.Planning;

/// <summary>
/// Cuts a video into processing segments and spreads the frame budget over them.
/// </summary>
/// <remarks>
/// Segments start at multiples of <see cref="RunConfig.SegmentSeconds"/>; a tail shorter than half a
/// segment joins the previous segment, so the last one is between half and one and a half segments
/// long (a single short video is one segment). Fixed-rate frames are the ticks k / fps, k ≥ 0,
/// before the end, each counted in the segment containing it. When the requested rate would exceed
/// <see cref="SamplingConfig.MaxFrames"/>, the rate is lowered evenly for the whole video (rather
/// than stopping early) so the end of the video is sampled as densely as the start. With scene-aware
/// sampling, the budget left over is shared among segments in proportion to their length as room
/// for scene-cut frames.
/// </remarks>
public static class SegmentPlanner
{
    private const double Epsilon = 1e-9;

    public static SegmentPlan Plan(VideoInfo video, RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(config);
        var duration = video.DurationSeconds;
        if (!double.IsFinite(duration) || duration <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(video), duration, "The video duration must be positive; check DurationPolicy first.");
        }

        var segmentSeconds = config.SegmentSeconds;
        if (!double.IsFinite(segmentSeconds) || segmentSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), segmentSeconds, "segmentSeconds must be positive; validate the run config first.");
        }

        var sampling = config.Sampling;
        var maxFrames = sampling.MaxFrames;
        var requestedFps = sampling.Fps;
        var fps = requestedFps;
        var reduced = false;
        if (Ticks(duration, fps) > maxFrames)
        {
            fps = maxFrames / duration;
            reduced = true;
        }

        var count = Math.Max(1, (int)Math.Ceiling((duration / segmentSeconds) - Epsilon));
        if (count > 1 && duration - ((count - 1) * segmentSeconds) < segmentSeconds / 2)
        {
            count--;
        }

        var starts = new double[count + 1];
        for (var i = 0; i < count; i++)
        {
            starts[i] = Math.Round(i * segmentSeconds, 3);
        }

        starts[count] = duration;

        var expected = new int[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = Ticks(starts[i + 1], fps) - Ticks(starts[i], fps);
        }

        var total = expected.Sum();
        var budget = sampling.SceneAware ? ShareBudget(starts, Math.Max(0, maxFrames - total)) : new int[count];
        var segments = new Segment[count];
        for (var i = 0; i < count; i++)
        {
            segments[i] = new Segment(
                Index: i,
                Id: SegmentId(i),
                StartSeconds: starts[i],
                EndSeconds: starts[i + 1],
                Fps: fps,
                ExpectedFrames: expected[i],
                MaxFrames: expected[i] + budget[i],
                SceneAware: sampling.SceneAware,
                SceneThreshold: sampling.SceneThreshold,
                ReferenceFramesOnly: sampling.ReferenceFramesOnly);
        }

        var header = new PlanHeader(
            DurationSeconds: duration,
            VideoFps: video.FramesPerSecond,
            Width: video.Width,
            Height: video.Height,
            RequestedFps: requestedFps,
            EffectiveFps: fps,
            FpsReduced: reduced,
            MaxFrames: maxFrames,
            SegmentSeconds: segmentSeconds,
            SegmentCount: count,
            TotalExpectedFrames: total);
        return new SegmentPlan(header, segments);
    }

    /// <summary><c>seg-0000</c>, <c>seg-0001</c>, … (four digits keep keys sorted up to 10,000 segments).</summary>
    public static string SegmentId(int index) => "seg-" + index.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>Number of ticks k / fps (k ≥ 0) strictly before <paramref name="time"/>.</summary>
    public static int Ticks(double time, double fps)
    {
        if (time <= 0)
        {
            return 0;
        }

        var product = time * fps;
        return (int)Math.Ceiling(product - (Epsilon * Math.Max(1, product)));
    }

    private static int[] ShareBudget(double[] starts, int budget)
    {
        var count = starts.Length - 1;
        var duration = starts[count];
        var shares = new int[count];
        var remainders = new (double Remainder, int Index)[count];
        var given = 0;
        for (var i = 0; i < count; i++)
        {
            var exact = budget * (starts[i + 1] - starts[i]) / duration;
            shares[i] = (int)Math.Floor(exact);
            given += shares[i];
            remainders[i] = (exact - shares[i], i);
        }

        // Largest remainder first (earlier segment on ties) so the shares add up to the budget exactly.
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(budget - given))
        {
            shares[index]++;
        }

        return shares;
    }
}
