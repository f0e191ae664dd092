namespace Storyboard.Functions.Internal;

/// <summary>Work on several items at once, results kept in the items' order so the files a step writes never depend on timing.</summary>
internal static class InOrder
{
    public static async Task<TResult[]> MapAsync<T, TResult>(IReadOnlyList<T> items, int parallelism, Func<T, CancellationToken, ValueTask<TResult>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        var results = new TResult[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (i, token) => results[i] = await body(items[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
