using System.Numerics.Tensors;

namespace Storyboard.Core.Selection.Internal;

/// <summary>
/// Greedy leader clustering over rows already sorted best-first: each row joins the most similar
/// earlier leader at or above the threshold, or becomes a leader. Identical to the sequential
/// algorithm, but rows are handled in blocks whose similarities against the existing leaders are
/// computed in parallel and in cache-sized tiles; only the few leaders born inside a block are
/// compared sequentially. A pair whose head-plus-tail-norm bound (see <see cref="EmbeddingMatrix"/>)
/// is below the threshold cannot be a duplicate and is skipped after reading the heads only; the
/// slack keeps float rounding from ruling out a pair that is truly at the threshold. Results do not
/// depend on the thread count.
/// </summary>
internal static class LeaderClustering
{
    private const int BlockRows = 256;
    private const int ChunkRows = 8;
    private const int LeaderTile = 96;
    private const float BoundSlack = 1e-3f;

    /// <param name="leaderOf">For each row: the row index of its leader (itself for a leader).</param>
    /// <param name="similarityToLeader">For each row: similarity to its leader (1 for a leader).</param>
    /// <returns>Leader row indices, in row order.</returns>
    public static List<int> Run(EmbeddingMatrix rows, float threshold, int parallelism, int[] leaderOf, float[] similarityToLeader)
    {
        var leaders = new List<int>();
        var bestSim = new float[BlockRows];
        var bestLeader = new int[BlockRows];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        for (var blockStart = 0; blockStart < rows.Rows; blockStart += BlockRows)
        {
            var blockCount = Math.Min(BlockRows, rows.Rows - blockStart);
            var leaderCount = leaders.Count;
            var leaderArray = leaders.ToArray();
            Array.Fill(bestSim, float.NegativeInfinity, 0, blockCount);
            Array.Fill(bestLeader, -1, 0, blockCount);

            if (leaderCount > 0)
            {
                var chunks = (blockCount + ChunkRows - 1) / ChunkRows;
                var work = (long)blockCount * leaderCount;
                if (parallelism > 1 && work >= 4096)
                {
                    Parallel.For(0, chunks, options, chunk => ScoreChunk(rows, threshold, blockStart, blockCount, chunk, leaderArray, bestSim, bestLeader));
                }
                else
                {
                    for (var chunk = 0; chunk < chunks; chunk++)
                    {
                        ScoreChunk(rows, threshold, blockStart, blockCount, chunk, leaderArray, bestSim, bestLeader);
                    }
                }
            }

            for (var i = 0; i < blockCount; i++)
            {
                var row = blockStart + i;
                var sim = bestSim[i];
                var leader = bestLeader[i];
                for (var l = leaderCount; l < leaders.Count; l++)
                {
                    var s = rows.Similarity(row, leaders[l]);
                    if (s > sim)
                    {
                        sim = s;
                        leader = leaders[l];
                    }
                }

                if (leader >= 0 && sim >= threshold)
                {
                    leaderOf[row] = leader;
                    similarityToLeader[row] = sim;
                }
                else
                {
                    leaders.Add(row);
                    leaderOf[row] = row;
                    similarityToLeader[row] = 1f;
                }
            }
        }

        return leaders;
    }

    private static void ScoreChunk(EmbeddingMatrix rows, float threshold, int blockStart, int blockCount, int chunk, int[] leaders, float[] bestSim, int[] bestLeader)
    {
        var first = chunk * ChunkRows;
        var last = Math.Min(first + ChunkRows, blockCount);
        var cutoff = threshold - BoundSlack;
        var split = rows.TailLength > 0;
        // Tiles of leaders are reused across the chunk's rows while they sit in cache.
        for (var tileStart = 0; tileStart < leaders.Length; tileStart += LeaderTile)
        {
            var tileEnd = Math.Min(tileStart + LeaderTile, leaders.Length);
            for (var i = first; i < last; i++)
            {
                var row = blockStart + i;
                var head = rows.Head(row);
                var tail = rows.Tail(row);
                var tailNorm = rows.TailNorm(row);
                var sim = bestSim[i];
                var leader = bestLeader[i];
                for (var l = tileStart; l < tileEnd; l++)
                {
                    var candidate = leaders[l];
                    var s = TensorPrimitives.Dot(head, rows.Head(candidate));
                    if (split)
                    {
                        if (s + (tailNorm * rows.TailNorm(candidate)) < cutoff)
                        {
                            continue;
                        }

                        s += TensorPrimitives.Dot(tail, rows.Tail(candidate));
                    }

                    if (s > sim)
                    {
                        sim = s;
                        leader = candidate;
                    }
                }

                bestSim[i] = sim;
                bestLeader[i] = leader;
            }
        }
    }
}
