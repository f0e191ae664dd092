using System.Globalization;

namespace Storyboard.Asl.Definition;

/// <summary>
/// The timestamps Step Functions accepts: RFC 3339 with an uppercase 'T' between date and time and an
/// uppercase 'Z' when there is no numeric offset (e.g. 2016-03-14T01:59:00Z, 2016-03-14T01:59:00.123+01:00).
/// </summary>
public static class Timestamps
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length < 20 || text[10] != 'T')
        {
            return false;
        }

        var last = text[^1];
        if (last != 'Z' && text[^6] is not ('+' or '-'))
        {
            return false;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
