using Storyboard.Core.Selection;

namespace Storyboard.Core.Tests.Selection;

/// <summary>
/// The definition of the selection, written as plainly as possible (double precision, one loop):
/// per character set, best quality first, each crop joins the most similar earlier leader at or
/// above the threshold, else leads.
/// </summary>
internal static class ReferenceGreedy
{
    public static (List<string> Kept, List<(string, string)> Mapping) Select(IEnumerable<SelectionCandidate> candidates, float threshold)
    {
        var kept = new List<string>();
        var mapping = new List<(string, string)>();
        foreach (var group in candidates.GroupBy(c => string.Join('+', c.Characters.Distinct().Order(StringComparer.Ordinal))))
        {
            var ordered = group
                .OrderByDescending(c => double.IsNaN(c.Quality) ? double.NegativeInfinity : c.Quality)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            var leaders = new List<SelectionCandidate>();
            foreach (var crop in ordered)
            {
                SelectionCandidate? best = null;
                var bestSim = double.NegativeInfinity;
                foreach (var leader in leaders)
                {
                    var s = Cosine(crop.Embedding, leader.Embedding);
                    if (s > bestSim)
                    {
                        bestSim = s;
                        best = leader;
                    }
                }

                if (best is not null && bestSim >= threshold)
                {
                    mapping.Add((crop.Id, best.Id));
                }
                else
                {
                    leaders.Add(crop);
                }
            }

            kept.AddRange(leaders.Select(l => l.Id));
        }

        kept.Sort(StringComparer.Ordinal);
        mapping.Sort();
        return (kept, mapping);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
