using System.Globalization;

namespace Storyboard.Media.Internal;

internal static class FilterNumber
{
    /// <summary>Invariant, never in exponent form (ffmpeg's expression parser and option parser both accept this).</summary>
    public static string Format(double value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
