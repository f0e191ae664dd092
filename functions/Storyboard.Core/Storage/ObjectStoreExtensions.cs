using System.Text;

namespace Storyboard.Core.Storage;

public static class ObjectStoreExtensions
{
    public static async Task<string> ReadTextAsync(this IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTextAsync(this IObjectStore store, string key, string text, string contentType = "text/plain; charset=utf-8", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        await store.WriteAsync(key, stream, contentType, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<byte[]> ReadBytesAsync(this IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
