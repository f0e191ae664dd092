using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Storyboard.Core.Config;
using Storyboard.Core.Media;
using Storyboard.Core.Vision;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Internal;
using Storyboard.Core.Imaging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Reads the reference images of a run's characters and builds the reference index from them.
/// The index is cached per process by the fingerprint of the images' content, so warm Lambda
/// invocations of DetectCharacters build it once, and a changed reference builds a new one.
/// </summary>
public sealed class ReferenceLoader(StoryboardServices services)
{
    /// <summary>Largest side a JPEG reference is decoded at (the detector learns from far less).</summary>
    private const int MaxReferenceSide = 1024;

    private static readonly ConcurrentDictionary<string, Lazy<Task<ICharacterReferenceIndex>>> Cache = new(StringComparer.Ordinal);

    /// <summary>Lists and hashes the references of every character (a non-image file is an error naming it).</summary>
    public async Task<(ReferenceIndexManifest Manifest, List<CharacterReferenceImage> Images)> ReadAsync(RunConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var entries = new List<ReferenceEntry>();
        var images = new List<CharacterReferenceImage>();
        using var scratch = new Scratch(services.ScratchFolder, "references", "load");
        foreach (var character in config.Characters)
        {
            foreach (var key in await StoreJson.ListKeysAsync(services.Store, character.ReferencePrefixOrDefault(), cancellationToken).ConfigureAwait(false))
            {
                if (ReferenceFiles.IsHidden(key))
                {
                    continue;
                }

                var bytes = await Core.Storage.ObjectStoreExtensions.ReadBytesAsync(services.Store, key, cancellationToken).ConfigureAwait(false);
                var fileName = key;
                if (!ReferenceFiles.IsImageName(key))
                {
                    throw new InvalidReferenceImageException(character.Name, fileName, "only PNG and JPEG files (.png, .jpg, .jpeg) can be references; remove the file or convert it");
                }

                var content = ReferenceFiles.IsPngName(key) || PngDecoder.IsPng(bytes) ? bytes : await ToPngAsync(character.Name, key, bytes, scratch, cancellationToken).ConfigureAwait(false);
                entries.Add(new ReferenceEntry(character.Name, key, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength));
                images.Add(new CharacterReferenceImage(character.Name, fileName, content));
            }
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            services.ReferenceIndexBuilder.GetType().FullName + "\n" + string.Join("\n", entries.Select(e => $"{e.Character}\t{e.Key}\t{e.Sha256}")))));
        var manifest = new ReferenceIndexManifest(services.Detector.Service, fingerprint, config.Characters.Select(c => c.Name).ToList(), entries);
        return (manifest, images);
    }

    /// <summary>Builds the index (or returns the one this process already built from the same images).</summary>
    public Task<ICharacterReferenceIndex> IndexAsync(string fingerprint, IReadOnlyList<CharacterReferenceImage> images, CancellationToken cancellationToken)
    {
        var lazy = Cache.GetOrAdd(fingerprint, _ => new Lazy<Task<ICharacterReferenceIndex>>(() => services.ReferenceIndexBuilder.BuildAsync(images, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed build must not poison the cache for the next invocation.
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<ICharacterReferenceIndex>>>(fingerprint, lazy));
        }

        return task;
    }

    /// <summary>For DetectCharacters: the index from the manifest PrepareCharacters wrote, cached by fingerprint.</summary>
    public async Task<ICharacterReferenceIndex> IndexFromManifestAsync(ReferenceIndexManifest manifest, RunConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (Cache.TryGetValue(manifest.Fingerprint, out var cached) && cached.Value.IsCompletedSuccessfully)
        {
            return await cached.Value.ConfigureAwait(false);
        }

        var (current, images) = await ReadAsync(config, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(current.Fingerprint, manifest.Fingerprint, StringComparison.Ordinal))
        {
            throw new ReferencesChangedException(
                "The reference images under characters/ changed after this run indexed them; detecting with the new ones would mix two sets of references in one dataset. "
                + "Start the run again so PrepareCharacters indexes the current images.");
        }

        return await IndexAsync(current.Fingerprint, images, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ToPngAsync(string character, string key, byte[] bytes, Scratch scratch, CancellationToken cancellationToken)
    {
        var path = scratch.PathFor(Guid.NewGuid().ToString("N") + Path.GetExtension(key));
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            var rgb = await services.Thumbnails.FromImageAsync(path, new ThumbnailSize(MaxReferenceSide, MaxReferenceSide, keepAspect: true), cancellationToken).ConfigureAwait(false);
            return PngEncoder.Encode(rgb);
        }
        catch (MediaProcessFailedException ex)
        {
            throw new InvalidReferenceImageException(character, key, "it cannot be decoded as an image", ex);
        }
    }
}
