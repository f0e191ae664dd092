namespace Storyboard.Media.Internal;

/// <summary>One frame as ffmpeg's showinfo filter logged it.</summary>
/// <param name="Index">Running number of the frame through the filter.</param>
/// <param name="Pts">Presentation timestamp in the filter's time base.</param>
internal sealed record ShowInfoFrame(long Index, long Pts, int Width, int Height);
