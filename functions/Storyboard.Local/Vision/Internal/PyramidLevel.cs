namespace Storyboard.Local.Vision.Internal;

/// <summary>One level of a <see cref="FramePyramid"/>: RGB rows of Width pixels; Pixels may be longer than Width x Height x 3.</summary>
internal readonly record struct PyramidLevel(int Width, int Height, byte[] Pixels);
