namespace Storyboard.Core.Media;

/// <summary>
/// What a probe learned about a video. Width and height are as displayed, after any rotation
/// the container asks for, because crops and detections are made on displayed frames.
/// </summary>
/// <param name="DurationSeconds">Container or stream duration, whichever is known and larger than zero.</param>
/// <param name="FramesPerSecond">Average frame rate (variable-rate video reports its average).</param>
/// <param name="Width">Displayed width in pixels.</param>
/// <param name="Height">Displayed height in pixels.</param>
/// <param name="Codec">Decoder name as ffprobe reports it, e.g. "h264".</param>
/// <param name="RotationDegrees">Rotation the player applies, clockwise: 0, 90, 180 or 270.</param>
public sealed record VideoInfo(
    double DurationSeconds,
    double FramesPerSecond,
    int Width,
    int Height,
    string Codec,
    int RotationDegrees);
