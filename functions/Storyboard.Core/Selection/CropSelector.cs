using Storyboard.Core.Selection.Internal;

namespace Storyboard.Core.Selection;

/// <summary>
/// Global near-duplicate removal and diversity selection (the SelectCrops state).
/// </summary>
/// <remarks>
/// Crops are grouped by the exact set of characters they show; only crops of the same group are
/// compared, so a crop of Tux alone never replaces a crop of Tux with Gnu. Within a group, crops
/// are ordered best quality first (NaN lowest; ties by id, ordinal) and clustered greedily: each
/// joins the most similar better crop already leading a group when the cosine similarity is at or
/// above the threshold (single precision), otherwise it leads a new group. The leader of a group is
/// therefore its best crop. With a target, farthest-point sampling then keeps that many leaders per
/// group. Deterministic for a given input, whatever the thread count.
/// </remarks>
public static class CropSelector
{
    public static SelectionResult Select(IReadOnlyList<SelectionCandidate> candidates, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.Threshold) || options.Threshold <= 0 || options.Threshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "The similarity threshold must be greater than 0 and at most 1.");
        }

        if (options.TargetPerCharacter is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TargetPerCharacter, "The target per character must be at least 1.");
        }

        var parallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var dimensions = CheckInput(candidates);
        var invalid = new List<InvalidCandidate>();
        var groups = new SortedDictionary<string, List<SelectionCandidate>>(StringComparer.Ordinal);
        var scratch = new float[dimensions];
        foreach (var candidate in candidates)
        {
            if (candidate.Characters.Count == 0 || candidate.Characters.Any(string.IsNullOrWhiteSpace))
            {
                invalid.Add(new InvalidCandidate(candidate.Id, "the crop names no character"));
                continue;
            }

            if (!EmbeddingMatrix.TryNormalize(candidate.Embedding, scratch))
            {
                invalid.Add(new InvalidCandidate(candidate.Id, "the embedding is empty, all zeros or has a non-finite value"));
                continue;
            }

            var key = GroupKey(candidate.Characters);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(candidate);
        }

        var kept = new List<string>();
        var replacements = new List<Replacement>();
        var perCharacter = new SortedDictionary<string, (int Candidates, int Distinct, int Kept)>(StringComparer.Ordinal);
        foreach (var (_, members) in groups)
        {
            var outcome = SelectGroup(members, dimensions, (float)options.Threshold, options.TargetPerCharacter, parallelism);
            kept.AddRange(outcome.Kept.Select(c => c.Id));
            replacements.AddRange(outcome.Replacements);
            foreach (var character in members[0].Characters.Distinct(StringComparer.Ordinal))
            {
                var current = perCharacter.GetValueOrDefault(character);
                perCharacter[character] = (current.Candidates + members.Count, current.Distinct + outcome.Distinct, current.Kept + outcome.Kept.Count);
            }
        }

        replacements.Sort((a, b) => string.CompareOrdinal(a.RejectedId, b.RejectedId));
        return new SelectionResult(
            options.Threshold,
            options.TargetPerCharacter,
            kept,
            replacements,
            invalid,
            perCharacter.Select(p => new CharacterCount(p.Key, p.Value.Candidates, p.Value.Distinct, p.Value.Kept)).ToList());
    }

    /// <summary>The comparison group of a crop: its distinct character names, ordinal, joined with '+'.</summary>
    public static string GroupKey(IEnumerable<string> characters) =>
        string.Join('+', characters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static int CheckInput(IReadOnlyList<SelectionCandidate> candidates)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var dimensions = -1;
        foreach (var candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate);
            if (string.IsNullOrEmpty(candidate.Id))
            {
                throw new InvalidSelectionInputException("A crop has an empty id; every crop needs its key as id.");
            }

            if (!ids.Add(candidate.Id))
            {
                throw new InvalidSelectionInputException($"Crop id '{candidate.Id}' appears more than once; ids must be unique.");
            }

            var length = candidate.Embedding?.Length ?? 0;
            if (length == 0)
            {
                continue;
            }

            if (dimensions < 0)
            {
                dimensions = length;
            }
            else if (length != dimensions)
            {
                throw new InvalidSelectionInputException(
                    $"Crop '{candidate.Id}' has a {length}-dimensional embedding but earlier crops have {dimensions}; embed every crop with the same model and length.");
            }
        }

        return Math.Max(dimensions, 0);
    }

    private static GroupOutcome SelectGroup(List<SelectionCandidate> members, int dimensions, float threshold, int? target, int parallelism)
    {
        members.Sort(static (a, b) =>
        {
            var qa = double.IsNaN(a.Quality) ? double.NegativeInfinity : a.Quality;
            var qb = double.IsNaN(b.Quality) ? double.NegativeInfinity : b.Quality;
            var byQuality = qb.CompareTo(qa);
            return byQuality != 0 ? byQuality : string.CompareOrdinal(a.Id, b.Id);
        });

        var matrix = new EmbeddingMatrix(members.Count, dimensions);
        for (var i = 0; i < members.Count; i++)
        {
            EmbeddingMatrix.TryNormalize(members[i].Embedding, matrix.MutableRow(i));
        }

        matrix.Seal();

        var leaderOf = new int[members.Count];
        var similarity = new float[members.Count];
        var leaders = LeaderClustering.Run(matrix, threshold, parallelism, leaderOf, similarity);

        // standIn[row] = the kept row that represents a leader row (itself when kept).
        var standIn = new Dictionary<int, (int Row, float Similarity)>();
        var replacements = new List<Replacement>();
        if (target is { } t && t < leaders.Count)
        {
            var nearest = new int[leaders.Count];
            var nearestSimilarity = new float[leaders.Count];
            var chosen = FarthestPointSampler.Choose(matrix, leaders, t, parallelism, nearest, nearestSimilarity);
            for (var i = 0; i < leaders.Count; i++)
            {
                standIn[leaders[i]] = (nearest[i], nearestSimilarity[i]);
                if (!chosen[i])
                {
                    replacements.Add(new Replacement(members[leaders[i]].Id, members[nearest[i]].Id, Rounded(nearestSimilarity[i]), ReplacementReason.Diversity));
                }
            }
        }
        else
        {
            foreach (var leader in leaders)
            {
                standIn[leader] = (leader, 1f);
            }
        }

        for (var row = 0; row < members.Count; row++)
        {
            var leader = leaderOf[row];
            if (leader == row)
            {
                continue;
            }

            var (keptRow, _) = standIn[leader];
            replacements.Add(keptRow == leader
                ? new Replacement(members[row].Id, members[leader].Id, Rounded(similarity[row]), ReplacementReason.NearDuplicate)
                : new Replacement(members[row].Id, members[keptRow].Id, Rounded(matrix.Similarity(row, keptRow)), ReplacementReason.Diversity));
        }

        var kept = leaders.Where(l => standIn[l].Row == l).Select(l => members[l]).ToList();
        return new GroupOutcome(kept, replacements, leaders.Count);
    }

    /// <summary>Single-precision similarities carry noise digits; four decimals is what a report shows.</summary>
    private static double Rounded(float similarity) => Math.Round(similarity, 4);

    private sealed record GroupOutcome(List<SelectionCandidate> Kept, List<Replacement> Replacements, int Distinct);
}
