using System.Text.RegularExpressions;

namespace Storyboard.Core.Config;

/// <summary>
/// The one rule for character names. A name becomes an S3 key segment, a Rekognition
/// ExternalImageId (pattern <c>[a-zA-Z0-9_.\-:]+</c>, AWS-FACTS R5) and a whole word in captions,
/// so it is ASCII letters, digits, '_' and '-', starts with a letter and ends with a letter or digit.
/// </summary>
public static partial class CharacterNames
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1-64 ASCII letters, digits, '_' or '-', starting with a letter and ending with a letter or digit (e.g. \"Tux\", \"Captain_Gnu\")";

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
