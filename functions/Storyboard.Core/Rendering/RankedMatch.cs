namespace Storyboard.Core.Rendering;

/// <param name="CastScore">Jaccard overlap of the characters the prompt names and the candidate shows.</param>
/// <param name="TextScore">TF-IDF cosine of the prompt and the caption.</param>
public sealed record RankedMatch(MatchCandidate Candidate, double Score, double CastScore, double TextScore);
