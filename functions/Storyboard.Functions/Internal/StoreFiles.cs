using Storyboard.Core.Storage;

namespace Storyboard.Functions.Internal;

/// <summary>Copies between the object store and scratch files (ffmpeg works on paths).</summary>
internal static class StoreFiles
{
    public static async Task DownloadAsync(IObjectStore store, string key, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> UploadAsync(IObjectStore store, string path, string key, string contentType, CancellationToken cancellationToken)
    {
        await using var source = File.OpenRead(path);
        var length = source.Length;
        await store.WriteAsync(key, source, contentType, cancellationToken).ConfigureAwait(false);
        return length;
    }
}
