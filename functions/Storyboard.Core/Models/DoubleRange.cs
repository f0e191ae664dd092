using System.Globalization;

namespace Storyboard.Core.Models;

/// <summary>An inclusive real range; NaN and infinities are never inside.</summary>
public readonly record struct DoubleRange(double Min, double Max)
{
    public bool Contains(double value) => double.IsFinite(value) && value >= Min && value <= Max;

    public override string ToString() =>
        $"between {Min.ToString("G", CultureInfo.InvariantCulture)} and {Max.ToString("G", CultureInfo.InvariantCulture)}";
}
