namespace Storyboard.Core.Media;

public enum FrameSamplingMode
{
    /// <summary>The first decoded frame at or after each tick of a fixed rate.</summary>
    FixedRate,

    /// <summary>Frames whose scene-change score exceeds a threshold, no closer together than a minimum spacing.</summary>
    SceneChange,
}
