using System.Globalization;

namespace Storyboard.Core.Validation;

/// <summary>Collects problems so every validator can report all of them at once.</summary>
public sealed class ProblemList
{
    private readonly List<ValidationProblem> _problems = [];

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public int Count => _problems.Count;

    public void Add(string path, object? value, string rule) =>
        _problems.Add(new ValidationProblem(path, Format(value), rule));

    public void AddRange(IEnumerable<ValidationProblem> problems) => _problems.AddRange(problems);

    /// <summary>Checks an inclusive range; NaN and infinities always fail.</summary>
    public void Range(string path, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(path, value, $"must be between {Format(min)} and {Format(max)}");
        }
    }

    public void Range(string path, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(path, value, $"must be between {Format(min)} and {Format(max)}");
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "(missing)",
        string s => "\"" + s + "\"",
        double d when double.IsNaN(d) => "NaN",
        double d when double.IsPositiveInfinity(d) => "Infinity",
        double d when double.IsNegativeInfinity(d) => "-Infinity",
        double d => d.ToString("G", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("G", CultureInfo.InvariantCulture),
        int i => i.ToString("N0", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
