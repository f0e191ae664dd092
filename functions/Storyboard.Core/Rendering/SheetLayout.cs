namespace Storyboard.Core.Rendering;

/// <summary>A grid of equal cells; each panel is scaled to fit its cell, keeping its aspect ratio.</summary>
public sealed record SheetLayout(int Columns, int CellWidth, int CellHeight)
{
    public const int DefaultColumns = 3;
    public const int DefaultCell = 384;

    public int Rows(int panels) => (panels + Columns - 1) / Columns;

    public int Width(int panels) => Math.Min(panels, Columns) * CellWidth;

    public int Height(int panels) => Rows(panels) * CellHeight;

    /// <summary>Up to three columns, square cells.</summary>
    public static SheetLayout For(int panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(panels, 1);
        return new SheetLayout(Math.Min(panels, DefaultColumns), DefaultCell, DefaultCell);
    }
}
