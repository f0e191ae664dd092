using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyboard.Media.Internal;

/// <summary>
/// Reads showinfo lines. The integer pts and the time base are used rather than showinfo's
/// <c>pts_time</c>, which is printed with six significant digits and loses milliseconds after
/// about 17 minutes.
/// </summary>
internal sealed partial class ShowInfoParser
{
    public long TimeBaseNumerator { get; private set; }

    public long TimeBaseDenominator { get; private set; }

    public bool HasTimeBase => TimeBaseDenominator > 0;

    /// <summary>Returns the frame a line describes, or null for every other line (after noting a time base).</summary>
    public ShowInfoFrame? Parse(string line)
    {
        if (!line.Contains("Parsed_showinfo_", StringComparison.Ordinal))
        {
            return null;
        }

        var config = ConfigPattern().Match(line);
        if (config.Success)
        {
            TimeBaseNumerator = long.Parse(config.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            TimeBaseDenominator = long.Parse(config.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            return null;
        }

        var frame = FramePattern().Match(line);
        return frame.Success
            ? new ShowInfoFrame(
                long.Parse(frame.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                long.Parse(frame.Groups[2].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(frame.Groups[3].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(frame.Groups[4].ValueSpan, CultureInfo.InvariantCulture))
            : null;
    }

    public double ToSeconds(long pts) => (double)pts * TimeBaseNumerator / TimeBaseDenominator;

    [GeneratedRegex(@"config in time_base:\s*(\d+)/(\d+)")]
    private static partial Regex ConfigPattern();

    [GeneratedRegex(@"\bn:\s*(\d+)\s+pts:\s*(-?\d+)\s.*?\bs:(\d+)x(\d+)")]
    private static partial Regex FramePattern();
}
