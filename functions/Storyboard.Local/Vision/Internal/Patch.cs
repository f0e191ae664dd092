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

    /// <summary>True when the whole window lies inside the frame, so every sampled pixel is valid.</summary>
    public bool Inside { get; set; }

    /// <summary>The full-frame window (x, y, w, h) the valid pixels were sampled from.</summary>
    public (double X, double Y, double W, double H)? Window { get; set; }

    /// <summary>
    /// Per pixel, the two orientation bins its gradient votes for and the votes (zero for a flat
    /// pixel); meaningful where its four neighbours are valid.
    /// </summary>
    public int[] LowBin { get; } = new int[width * height];

    public int[] HighBin { get; } = new int[width * height];

    public float[] LowVote { get; } = new float[width * height];

    public float[] HighVote { get; } = new float[width * height];

    /// <summary>HOG values; only the cells marked <see cref="IsCurrent"/> hold values of the current window.</summary>
    public float[] Hog { get; } = new float[(width / Internal.Hog.Cell) * (height / Internal.Hog.Cell) * Internal.Hog.Bins];

    /// <summary>Per HOG cell, the window it was last histogrammed for (see <see cref="generation"/>).</summary>
    private readonly int[] cellWindow = new int[(width / Internal.Hog.Cell) * (height / Internal.Hog.Cell)];

    /// <summary>Counts windows: a cell whose stamp equals it was histogrammed for the current one.</summary>
    private int generation = 1;

    /// <summary>
    /// Starts a new window: no pixel is valid and no HOG cell is current. A cell's histogram depends
    /// only on the window's pixels, so within one window it is computed once whichever template asks.
    /// </summary>
    public void Forget()
    {
        Array.Clear(Valid);
        Inside = false;
        generation++;
    }

    public bool IsCurrent(int cell) => cellWindow[cell] == generation;

    public void MarkCurrent(int cell) => cellWindow[cell] = generation;
}
