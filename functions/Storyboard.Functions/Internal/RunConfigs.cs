using Storyboard.Core.Config;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions.Internal;

/// <summary>Reads the effective config PrepareRun wrote (validated again: the file may have been edited).</summary>
internal static class RunConfigs
{
    public static async Task<RunConfig> LoadAsync(IObjectStore store, RunContext run, CancellationToken cancellationToken) =>
        RunConfigLoader.Parse(await store.ReadTextAsync(run.ConfigKey, cancellationToken).ConfigureAwait(false));
}
