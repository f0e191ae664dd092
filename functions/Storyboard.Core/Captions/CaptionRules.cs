using System.Text;

namespace Storyboard.Core.Captions;

/// <summary>
/// What makes a caption usable for training: the right length, every character in the crop named
/// exactly as configured (the name is the token the fine-tuned model learns), no character named
/// that is not in the crop, and no reserved word.
/// </summary>
public static class CaptionRules
{
    /// <summary>Collapses every run of whitespace or control characters to one space and trims.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Extracts, normalises and checks a model reply in one step.</summary>
    public static CaptionCheck FromModelOutput(string? modelOutput, IReadOnlyCollection<string> characters, IReadOnlyCollection<string> otherCharacters, CaptionRuleSet rules)
    {
        var extraction = CaptionExtractor.Extract(modelOutput);
        return extraction.Text is { } text
            ? Check(text, characters, otherCharacters, rules)
            : new CaptionCheck(string.Empty, [extraction.Problem!]);
    }

    /// <param name="caption">Raw caption text; normalised first.</param>
    /// <param name="characters">Names of the characters in the crop; each must appear as a whole word, same case.</param>
    /// <param name="otherCharacters">Configured names not in the crop; none may appear.</param>
    public static CaptionCheck Check(string caption, IReadOnlyCollection<string> characters, IReadOnlyCollection<string> otherCharacters, CaptionRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(caption);
        ArgumentNullException.ThrowIfNull(characters);
        ArgumentNullException.ThrowIfNull(otherCharacters);
        ArgumentNullException.ThrowIfNull(rules);
        var text = Normalize(caption);
        var problems = new List<string>();
        if (text.Length < rules.MinLength)
        {
            problems.Add($"the caption has {text.Length} characters; at least {rules.MinLength} are needed");
        }
        else if (text.Length > rules.MaxLength)
        {
            problems.Add($"the caption has {text.Length} characters; at most {rules.MaxLength} are allowed");
        }

        foreach (var name in characters.Distinct(StringComparer.Ordinal))
        {
            if (!ContainsWord(text, name, StringComparison.Ordinal))
            {
                problems.Add($"the caption does not name {name} (as a whole word, spelled and capitalised exactly so)");
            }
        }

        foreach (var name in otherCharacters.Distinct(StringComparer.Ordinal).Where(n => !characters.Contains(n)))
        {
            if (ContainsWord(text, name, StringComparison.Ordinal))
            {
                problems.Add($"the caption names {name}, who is not in this crop");
            }
        }

        foreach (var word in rules.ReservedWords)
        {
            if (ContainsWord(text, word, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"the caption contains the reserved word \"{word}\" (image models read negation as its opposite)");
            }
        }

        return new CaptionCheck(text, problems);
    }

    /// <summary>
    /// True when <paramref name="word"/> occurs with no letter, digit, '_' or '-' directly before or
    /// after it (those characters can be part of a character name, so "Tux-2" does not contain "Tux").
    /// </summary>
    public static bool ContainsWord(string text, string word, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(word))
        {
            return false;
        }

        for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
        {
            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
