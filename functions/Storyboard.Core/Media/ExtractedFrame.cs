namespace Storyboard.Core.Media;

/// <summary>One extracted frame.</summary>
/// <param name="TimeSeconds">The decoded frame's true presentation time from the start of the video (not its output index).</param>
/// <param name="Path">Local path of the JPEG file.</param>
/// <param name="Width">Displayed width in pixels (rotation applied).</param>
/// <param name="Height">Displayed height in pixels (rotation applied).</param>
/// <param name="WorkingCopyPath">Local path of the small PNG copy, when the request asked for one.</param>
public sealed record ExtractedFrame(double TimeSeconds, string Path, int Width, int Height, string? WorkingCopyPath = null);
