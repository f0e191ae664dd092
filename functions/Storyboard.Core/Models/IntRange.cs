using System.Globalization;

namespace Storyboard.Core.Models;

/// <summary>An inclusive integer range, as the AWS limits are written.</summary>
public readonly record struct IntRange(long Min, long Max)
{
    public bool Contains(long value) => value >= Min && value <= Max;

    public override string ToString() =>
        $"between {Min.ToString("N0", CultureInfo.InvariantCulture)} and {Max.ToString("N0", CultureInfo.InvariantCulture)}";
}
