using System.Diagnostics;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Builds the reference index of every character once, so a bad reference fails the run here
/// (naming the file) rather than in every segment, and writes <c>characters.json</c>: the images
/// and their hashes that DetectCharacters rebuilds (or reuses) its index from.
/// </summary>
public sealed class PrepareCharactersStep(StoryboardServices services)
{
    public const string State = "PrepareCharacters";

    public async Task<PrepareCharactersOutput> RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        var keys = new RunKeys(run.RunId);
        var config = await RunConfigs.LoadAsync(services.Store, run, cancellationToken).ConfigureAwait(false);
        var loader = new ReferenceLoader(services);
        var (manifest, images) = await loader.ReadAsync(config, cancellationToken).ConfigureAwait(false);
        var index = await loader.IndexAsync(manifest.Fingerprint, images, cancellationToken).ConfigureAwait(false);
        await StoreJson.WriteAsync(services.Store, keys.ReferenceIndexKey, manifest, FunctionsJsonContext.Default.ReferenceIndexManifest, cancellationToken).ConfigureAwait(false);
        new StepLog(State, run.RunId, services.Clock).Info(
            "references indexed",
            ("characters", index.Characters.Count),
            ("references", images.Count),
            ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new PrepareCharactersOutput(keys.ReferenceIndexKey, index.Characters, images.Count, index.Service);
    }
}
