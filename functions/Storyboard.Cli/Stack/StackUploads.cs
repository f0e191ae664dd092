using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Storyboard.Aws.S3;
using Storyboard.Core.Config;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Stack;

/// <summary>
/// Puts a run's inputs where the deployed workflow reads them and builds the execution input the
/// upload rule would send: <c>{bucket, key, etag, version}</c>, plus <c>configKey</c> and <c>datasetOnly</c>
/// when given.
/// </summary>
/// <remarks>
/// The video goes under <c>uploads/</c>, the only prefix the workflow's functions may read, but to a key
/// ending in <see cref="VideoSuffix"/>, which the upload rule (<c>uploads/*.mp4|.mov|.m4v|.mkv|.webm</c>)
/// ignores: <c>stack start</c> starts the execution itself, once, so it can pass a config and
/// <c>datasetOnly</c>, which an upload event cannot carry.
/// </remarks>
internal static class StackUploads
{
    public const string VideoPrefix = RunLayout.UploadsPrefix + "cli/";
    public const string VideoSuffix = ".cli";
    public const string ConfigPrefix = RunLayout.UploadsPrefix + "config/";

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg"];

    public static string VideoKey(FileInfo video) => ObjectKey.Validate(VideoPrefix + video.Name + VideoSuffix);

    /// <summary>
    /// Uploads each character folder to <c>characters/&lt;Name&gt;/</c> and removes that character's
    /// references that are no longer in the folder. Characters not in <paramref name="folder"/> are left alone.
    /// </summary>
    /// <returns>The names of the characters uploaded.</returns>
    public static async Task<IReadOnlyList<string>> UploadCharactersAsync(IObjectStore store, DirectoryInfo folder, TextWriter log, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var character in folder.EnumerateDirectories().Where(d => !d.Name.StartsWith('.')).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!CharacterNames.IsValid(character.Name))
            {
                throw new StackProblemException($"'{character.FullName}': '{character.Name}' is not a valid character name ({CharacterNames.Rule}). Rename the folder.");
            }

            var prefix = RunLayout.CharactersPrefix + character.Name + "/";
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in character.EnumerateFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                // Every file goes up, not only images: a stray file fails PrepareCharacters with its name, as in any upload.
                var key = ObjectKey.Validate(prefix + file.Name);
                wanted.Add(key);
                await using var source = file.OpenRead();
                await store.WriteAsync(key, source, ContentType(file.Extension), cancellationToken).ConfigureAwait(false);
            }

            var stale = new List<string>();
            await foreach (var info in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
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

            log.WriteLine($"characters/{character.Name}/: {wanted.Count} reference(s){(stale.Count > 0 ? $", {stale.Count} removed" : string.Empty)}");
            names.Add(character.Name);
        }

        return names;
    }

    /// <summary>Every character name with an object under <c>characters/</c>.</summary>
    public static async Task<SortedSet<string>> CharactersInBucketAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(RunLayout.CharactersPrefix, cancellationToken).ConfigureAwait(false))
        {
            var rest = info.Key[RunLayout.CharactersPrefix.Length..];
            if (rest.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
            {
                names.Add(rest[..slash]);
            }
        }

        return names;
    }

    /// <summary>Reads the config and checks it as PrepareRun will, before anything is uploaded.</summary>
    /// <exception cref="InvalidRunConfigException">The config breaks a rule; every problem is listed.</exception>
    public static async Task<string> ReadConfigAsync(FileInfo config, CancellationToken cancellationToken)
    {
        if (!config.Exists)
        {
            throw new StackProblemException($"The config '{config.FullName}' does not exist.");
        }

        var text = await File.ReadAllTextAsync(config.FullName, cancellationToken).ConfigureAwait(false);
        RunConfigLoader.Parse(text);
        return text;
    }

    /// <summary>
    /// Stores the config under a key named by its content, so a run's <c>configKey</c> never changes
    /// under it (RecordFailure reads it again when the run fails).
    /// </summary>
    public static async Task<string> UploadConfigAsync(IObjectStore store, string config, CancellationToken cancellationToken)
    {
        var key = ConfigPrefix + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(config)))[..16] + ".json";
        await store.WriteTextAsync(key, config, "application/json", cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>
    /// Uploads the video (multipart when large, by <see cref="S3ObjectStore"/>) unless the bucket already
    /// holds these bytes at its key, and returns the execution input, with the ETag and version id S3
    /// reports, as the upload event would carry them.
    /// </summary>
    public static async Task<JsonObject> UploadVideoAsync(StackConnection stack, FileInfo video, string? configKey, bool datasetOnly, TextWriter log, CancellationToken cancellationToken)
    {
        var key = VideoKey(video);
        var head = await HeadAsync(stack, key, cancellationToken).ConfigureAwait(false);
        var etag = await S3ETag.ComputeAsync(video, new S3ObjectStoreOptions().PartSize, cancellationToken).ConfigureAwait(false);
        if (head is not null && head.ContentLength == video.Length && head.ETag?.Trim('"') == etag)
        {
            // The same bytes are there: the same object version keeps the input, and so the start, identical.
            log.WriteLine($"{stack.Uri(key)} already holds this video; not uploaded again");
        }
        else
        {
            log.WriteLine($"uploading {video.Name} ({video.Length:N0} bytes) to {stack.Uri(key)}");
            await using (var source = video.OpenRead())
            {
                await stack.Store.WriteAsync(key, source, VideoContentType(video.Extension), cancellationToken).ConfigureAwait(false);
            }

            head = await HeadAsync(stack, key, cancellationToken).ConfigureAwait(false)
                ?? throw new StackProblemException($"{stack.Uri(key)} vanished right after its upload; run the command again.");
        }

        var input = new JsonObject
        {
            ["bucket"] = stack.Bucket,
            ["key"] = key,

            // The event carries the ETag without the quotes the S3 API puts around it.
            ["etag"] = head.ETag?.Trim('"'),
        };

        // Like the upload rule, which leaves a field out when the event has no value for it.
        if (!string.IsNullOrEmpty(head.VersionId) && head.VersionId != "null")
        {
            input["version"] = head.VersionId;
        }

        if (configKey is not null)
        {
            input["configKey"] = configKey;
        }

        if (datasetOnly)
        {
            input["datasetOnly"] = true;
        }

        return input;
    }

    private static async Task<GetObjectMetadataResponse?> HeadAsync(StackConnection stack, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await stack.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = stack.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string ContentType(string extension) =>
        ImageExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? extension.Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg"
            : "application/octet-stream";

    private static string VideoContentType(string extension) => extension.ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => "video/mp4",
        ".mov" => "video/quicktime",
        ".mkv" => "video/x-matroska",
        ".webm" => "video/webm",
        _ => "application/octet-stream",
    };
}
