using System.Runtime.CompilerServices;

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
    private const int ChunkRows = 32;
    private const int LeaderTile = 64;
    private const float BoundSlack = 1e-3f;

    /// <param name="leaderOf">For each row: the row index of its leader (itself for a leader).</param>
    /// <param name="similarityToLeader">For each row: similarity to its leader (1 for a leader).</param>
    /// <returns>Leader row indices, in row order.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                var tailNorm = rows.TailNorm(row);
                for (var l = leaderCount; l < leaders.Count; l++)
                {
                    Consider(rows, row, leaders[l], rows.HeadDot(row, leaders[l]), tailNorm, threshold - BoundSlack, ref sim, ref leader);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreChunk(EmbeddingMatrix rows, float threshold, int blockStart, int blockCount, int chunk, int[] leaders, float[] bestSim, int[] bestLeader)
    {
        var first = chunk * ChunkRows;
        var last = Math.Min(first + ChunkRows, blockCount);
        var cutoff = threshold - BoundSlack;
        Span<float> heads = stackalloc float[4];
        // Tiles of leaders are reused across the chunk's rows while they sit in cache.
        for (var tileStart = 0; tileStart < leaders.Length; tileStart += LeaderTile)
        {
            var tileEnd = Math.Min(tileStart + LeaderTile, leaders.Length);
            for (var i = first; i < last; i++)
            {
                var row = blockStart + i;
                var head = rows.Head(row);
                var tailNorm = rows.TailNorm(row);
                var sim = bestSim[i];
                var leader = bestLeader[i];
                var l = tileStart;
                for (; l + 4 <= tileEnd; l += 4)
                {
                    HeadKernels.Dot4(
                        head,
                        rows.Head(leaders[l]),
                        rows.Head(leaders[l + 1]),
                        rows.Head(leaders[l + 2]),
                        rows.Head(leaders[l + 3]),
                        out heads[0],
                        out heads[1],
                        out heads[2],
                        out heads[3]);
                    for (var k = 0; k < 4; k++)
                    {
                        Consider(rows, row, leaders[l + k], heads[k], tailNorm, cutoff, ref sim, ref leader);
                    }
                }

                for (; l < tileEnd; l++)
                {
                    Consider(rows, row, leaders[l], rows.HeadDot(row, leaders[l]), tailNorm, cutoff, ref sim, ref leader);
                }

                bestSim[i] = sim;
                bestLeader[i] = leader;
            }
        }
    }

    /// <summary>Completes the similarity of a pair whose bound can reach the threshold, in leader order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Consider(EmbeddingMatrix rows, int row, int candidate, float headDot, float tailNorm, float cutoff, ref float sim, ref int leader)
    {
        if (rows.TailLength > 0 && headDot + (tailNorm * rows.TailNorm(candidate)) < cutoff)
        {
            return;
        }

        var s = headDot + rows.TailDot(row, candidate);
        if (s > sim)
        {
            sim = s;
            leader = candidate;
        }
    }
}
