using System.Text.Json.Serialization;

namespace Storyboard.Core.Planning;

/// <summary>
/// One item of <c>plan.json</c>: a stretch of video processed by one child of the ProcessSegments
/// map. Self-contained, so a child needs nothing else from the plan.
/// </summary>
/// <param name="Index">0-based position.</param>
/// <param name="Id">Stable name used in keys, e.g. <c>seg-0003</c>.</param>
/// <param name="StartSeconds">Inclusive start.</param>
/// <param name="EndSeconds">Exclusive end (the video's end for the last segment).</param>
/// <param name="Fps">Effective fixed sampling rate for the whole video.</param>
/// <param name="ExpectedFrames">Fixed-rate ticks that fall in [start, end).</param>
/// <param name="MaxFrames">This segment's share of the run's frame budget; scene-aware sampling may add frames up to it.</param>
/// <param name="SceneAware">Whether scene cuts also produce frames.</param>
/// <param name="SceneThreshold">Scene score for a cut.</param>
/// <param name="ReferenceFramesOnly">Sample among reference frames only (<see cref="Config.SamplingConfig.ReferenceFramesOnly"/>); false in plans written before it existed.</param>
public sealed record Segment(
    int Index,
    string Id,
    double StartSeconds,
    double EndSeconds,
    double Fps,
    int ExpectedFrames,
    int MaxFrames,
    bool SceneAware,
    double SceneThreshold,
    bool ReferenceFramesOnly = false)
{
    [JsonIgnore]
    public double DurationSeconds => EndSeconds - StartSeconds;
}
