using System.Text.Json.Nodes;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// Puts a local run's inputs where the workflow expects them in the bucket: the video under
/// <c>uploads/</c> and the references under <c>characters/&lt;Name&gt;/</c>, exactly as a user would
/// upload them to S3. The output folder then holds everything the run read and wrote.
/// </summary>
internal static class RunInputs
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    /// <returns>The video's key.</returns>
    public static async Task<string> UploadVideoAsync(IObjectStore store, FileInfo video, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(video);
        var key = RunLayout.UploadsPrefix + video.Name;
        ObjectKey.Validate(key);
        var existing = await store.GetInfoAsync(key, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Size != video.Length || existing.LastModified < video.LastWriteTimeUtc)
        {
            await using var source = video.OpenRead();
            await store.WriteAsync(key, source, "video/mp4", cancellationToken).ConfigureAwait(false);
        }

        return key;
    }

    /// <summary>
    /// Mirrors <paramref name="folder"/> (one sub-folder per character) into <c>characters/</c>,
    /// removing references that are no longer in it, so a run never sees a character the user removed.
    /// </summary>
    public static async Task<int> SyncCharactersAsync(IObjectStore store, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(folder);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var character in folder.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var file in character.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                // Every file is uploaded, not only images: a stray non-image must fail PrepareCharacters
                // with its name, as it would in the bucket.
                if (file.Name.StartsWith('.'))
                {
                    continue;
                }

                var key = RunLayout.CharactersPrefix + character.Name + "/" + file.Name;
                ObjectKey.Validate(key);
                wanted.Add(key);
                await using var source = file.OpenRead();
                await store.WriteAsync(key, source, ContentType(file.Extension), cancellationToken).ConfigureAwait(false);
            }
        }

        var stale = new List<string>();
        await foreach (var info in store.ListAsync(RunLayout.CharactersPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (!wanted.Contains(info.Key))
            {
                stale.Add(info.Key);
            }
        }

        foreach (var key in stale)
        {
            await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return wanted.Count;
    }

    public static JsonObject ExecutionInput(string bucket, string videoKey, JsonNode? config, bool datasetOnly, string services = "local")
    {
        var input = new JsonObject
        {
            ["bucket"] = bucket,
            ["key"] = videoKey,
            ["services"] = services,
            ["datasetOnly"] = datasetOnly,
        };
        if (config is not null)
        {
            input["config"] = config;
        }

        return input;
    }

    private static string ContentType(string extension) =>
        ImageExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? extension.Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg"
            : "application/octet-stream";
}
