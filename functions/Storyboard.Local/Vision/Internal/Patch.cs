namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// A frame window resampled to a template's canonical size. One instance per size is reused for
/// every window of a detection call (see <see cref="Workspace"/>), so its arrays are scratch:
/// only pixels marked <see cref="Valid"/> by the latest sampling hold values of that window.
/// </summary>
internal sealed class Patch(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public float[] Grey { get; } = new float[width * height];

    public byte[] Bin { get; } = new byte[width * height];

    /// <summary>False where the window lies outside the frame or the pixel was not sampled.</summary>
    public bool[] Valid { get; } = new bool[width * height];

    public int ValidCount { get; set; }

    /// <summary>The full-frame window (x, y, w, h) the valid pixels were sampled from.</summary>
    public (double X, double Y, double W, double H)? Window { get; set; }

    /// <summary>
    /// Per pixel, the two orientation bins its gradient votes for (whole numbers) and the votes (zero for a flat
    /// pixel); meaningful where its four neighbours are valid.
    /// </summary>
    public float[] LowBin { get; } = new float[width * height];

    public float[] HighBin { get; } = new float[width * height];

    public float[] LowVote { get; } = new float[width * height];

    public float[] HighVote { get; } = new float[width * height];

    /// <summary>HOG values; only the cells of the latest computation are current.</summary>
    public float[] Hog { get; } = new float[(width / Internal.Hog.Cell) * (height / Internal.Hog.Cell) * Internal.Hog.Bins];
}
