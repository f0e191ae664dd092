namespace Storyboard.Local.Vision.Internal;

/// <summary>How well one frame window matches one reference template.</summary>
/// <param name="Shape">Correlation of gradient descriptors over the cells the character covers (-1..1).</param>
/// <param name="Colour">Bhattacharyya coefficient of the colour histograms under the mask (0..1).</param>
/// <param name="Appearance">Correlation of luminance under the mask (-1..1).</param>
/// <param name="Visible">Share of the character's mask that lies inside the frame.</param>
internal readonly record struct MatchScore(double Shape, double Colour, double Appearance, double Visible)
{
    /// <summary>The single figure that candidates are ranked and thresholded by.</summary>
    public double Combined => (0.45 * Math.Max(0, Shape)) + (0.35 * Colour) + (0.2 * Math.Max(0, Appearance));
}
