namespace Storyboard.Core.Config;

/// <summary>How frames are taken from the video.</summary>
public sealed record SamplingConfig
{
    /// <summary>Fixed sampling rate in frames per second (lowered evenly when it would exceed <see cref="MaxFrames"/>).</summary>
    public double Fps { get; set; } = 1.0;

    /// <summary>Also take a frame at every scene cut (ffmpeg's scene score).</summary>
    public bool SceneAware { get; set; }

    /// <summary>Scene score above which a frame starts a new scene (0..1; ffmpeg's usual 0.3).</summary>
    public double SceneThreshold { get; set; } = 0.3;

    /// <summary>
    /// Decode only the frames other frames are predicted from (H.264/HEVC reference frames) and
    /// sample among those. A typical B-frame encode then costs about 40 % less to decode; a sample
    /// moves from its tick to the next reference frame, a few frames later at most (its time is
    /// still the frame's own). Off: every frame is decoded and each tick gets the first frame at or
    /// after it. Intra-only video is unaffected.
    /// </summary>
    public bool ReferenceFramesOnly { get; set; } = true;

    /// <summary>Most frames taken from one video, across all segments.</summary>
    public int MaxFrames { get; set; } = 3000;
}
