namespace Storyboard.Core.Selection.Internal;

/// <summary>
/// Farthest-point sampling on cosine similarity: start from the best row, then repeatedly take the
/// row least similar to everything taken so far (ties: the better row), which spreads the kept set
/// over poses and scenes instead of keeping the first N.
/// </summary>
internal static class FarthestPointSampler
{
    /// <param name="candidates">Row indices, best first.</param>
    /// <param name="nearestChosen">For each position in <paramref name="candidates"/>: the most similar chosen row.</param>
    /// <param name="nearestSimilarity">Its similarity.</param>
    /// <returns>Which positions were chosen.</returns>
    public static bool[] Choose(EmbeddingMatrix rows, IReadOnlyList<int> candidates, int target, int parallelism, int[] nearestChosen, float[] nearestSimilarity)
    {
        var n = candidates.Count;
        var chosen = new bool[n];
        if (n == 0)
        {
            return chosen;
        }

        Array.Fill(nearestSimilarity, float.NegativeInfinity, 0, n);
        Array.Fill(nearestChosen, -1, 0, n);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var next = 0;
        for (var taken = 0; taken < Math.Min(target, n); taken++)
        {
            chosen[next] = true;
            var newRow = candidates[next];
            nearestChosen[next] = newRow;
            nearestSimilarity[next] = 1f;

            void Update(int j)
            {
                if (chosen[j])
                {
                    return;
                }

                var s = rows.Similarity(candidates[j], newRow);
                if (s > nearestSimilarity[j])
                {
                    nearestSimilarity[j] = s;
                    nearestChosen[j] = newRow;
                }
            }

            if (parallelism > 1 && n >= 512)
            {
                Parallel.For(0, n, options, Update);
            }
            else
            {
                for (var j = 0; j < n; j++)
                {
                    Update(j);
                }
            }

            next = -1;
            var lowest = float.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (!chosen[j] && nearestSimilarity[j] < lowest)
                {
                    lowest = nearestSimilarity[j];
                    next = j;
                }
            }

            if (next < 0)
            {
                break;
            }
        }

        return chosen;
    }
}
