using System.Text.RegularExpressions;

namespace Storyboard.Core.Rendering;

/// <summary>
/// Ranks captioned images against a prompt: who is in the picture matters most (the characters the
/// prompt names), then what the caption says (TF-IDF cosine over the candidates' own captions, so
/// words every caption shares count for little). Deterministic: ties go to the smaller id.
/// </summary>
public sealed partial class PromptMatcher
{
    /// <summary>Weight of the cast match; the rest is the caption text match.</summary>
    public const double CastWeight = 0.6;

    private readonly IReadOnlyList<MatchCandidate> _candidates;
    private readonly Dictionary<string, double> _idf;
    private readonly List<Dictionary<string, double>> _vectors;

    public PromptMatcher(IReadOnlyList<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        _candidates = candidates;
        var tokenised = candidates.Select(c => Tokens(c.Caption)).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in tokenised.SelectMany(t => t.Distinct(StringComparer.Ordinal)))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        // Smoothed IDF: a word in every caption still counts a little, an unseen prompt word counts most.
        _idf = documentFrequency.ToDictionary(p => p.Key, p => Math.Log((1.0 + candidates.Count) / (1.0 + p.Value)) + 1.0, StringComparer.Ordinal);
        _vectors = tokenised.Select(Vector).ToList();
    }

    /// <summary>Every candidate, best first.</summary>
    public IReadOnlyList<RankedMatch> Rank(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var promptVector = Vector(Tokens(prompt));
        var promptWords = Tokens(prompt).ToHashSet(StringComparer.Ordinal);
        var allCharacters = _candidates.SelectMany(c => c.Characters).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var named = allCharacters.Where(name => NamesCharacter(prompt, promptWords, name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var ranked = new List<RankedMatch>(_candidates.Count);
        for (var i = 0; i < _candidates.Count; i++)
        {
            var candidate = _candidates[i];
            var shown = candidate.Characters.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var union = named.Union(shown, StringComparer.OrdinalIgnoreCase).Count();
            var cast = named.Count == 0 ? 0 : (double)named.Intersect(shown, StringComparer.OrdinalIgnoreCase).Count() / union;
            var text = Cosine(promptVector, _vectors[i]);
            var score = named.Count == 0 ? text : (CastWeight * cast) + ((1 - CastWeight) * text);
            ranked.Add(new RankedMatch(candidate, score, cast, text));
        }

        return [.. ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Candidate.Id, StringComparer.Ordinal)];
    }

    private static bool NamesCharacter(string prompt, HashSet<string> promptWords, string name)
    {
        var nameTokens = Tokens(name);
        return nameTokens.Count > 1
            ? prompt.Contains(name, StringComparison.OrdinalIgnoreCase)
            : nameTokens.Count == 1 && promptWords.Contains(nameTokens[0]);
    }

    private Dictionary<string, double> Vector(IReadOnlyList<string> tokens)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            vector[token] = vector.GetValueOrDefault(token) + 1;
        }

        foreach (var term in vector.Keys.ToList())
        {
            vector[term] *= _idf.TryGetValue(term, out var idf) ? idf : 0;
        }

        return vector;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var dot = a.Sum(p => p.Value * b.GetValueOrDefault(p.Key));
        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }

    /// <summary>Lower-case words of letters and digits, without the few words that carry no subject.</summary>
    internal static IReadOnlyList<string> Tokens(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w))];

    private static readonly HashSet<string> StopWords = new(
        ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "with", "is", "are", "its", "his", "her", "their", "by", "for", "from"],
        StringComparer.Ordinal);

    [GeneratedRegex("[\\p{L}\\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
