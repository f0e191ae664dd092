namespace Storyboard.Local.Vision.Internal;

/// <summary>A frame window resampled to a template's canonical size.</summary>
internal sealed class Patch(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public float[] Grey { get; } = new float[width * height];

    public byte[] Bin { get; } = new byte[width * height];

    /// <summary>False where the window lies outside the frame.</summary>
    public bool[] Valid { get; } = new bool[width * height];

    public int ValidCount { get; set; }
}
