using Storyboard.Core.Storage;

namespace Storyboard.Storage;

/// <summary>
/// A primary store whose writes are copied to a second one: a hybrid run keeps its whole run
/// folder on the machine (history, redrive and review work as in a local run) while the bucket
/// receives what an AWS service must read from S3 — the training images and manifest Bedrock
/// fine-tunes from. Reads never touch the mirror.
/// </summary>
/// <remarks>
/// A write lands in the primary first and is then uploaded from there, so a failed upload leaves
/// the primary intact and the same write can simply be repeated (every step rewrites its keys
/// whole on a redrive).
/// </remarks>
/// <param name="primary">Where everything is written and read (the output folder).</param>
/// <param name="mirror">Where copies go (the S3 bucket).</param>
/// <param name="shouldMirror">Which keys are copied; frames, for example, need not leave the machine.</param>
public sealed class MirroredObjectStore(IObjectStore primary, IObjectStore mirror, Func<string, bool> shouldMirror) : IObjectStore
{
    public IObjectStore Primary => primary;

    public IObjectStore Mirror => mirror;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => primary.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => primary.ExistsAsync(key, cancellationToken);

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default) => primary.GetInfoAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => primary.ListAsync(prefix, cancellationToken);

    public Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default) =>
        primary.GetReadableLocationAsync(key, validity, cancellationToken);

    public async Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        await primary.WriteAsync(key, content, contentType, cancellationToken).ConfigureAwait(false);
        if (shouldMirror(key))
        {
            await using var copy = await primary.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            await mirror.WriteAsync(key, copy, contentType, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await primary.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        if (shouldMirror(key))
        {
            await mirror.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }
}
