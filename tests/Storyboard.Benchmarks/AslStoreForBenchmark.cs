using System.Runtime.CompilerServices;
using Storyboard.Core.Storage;

namespace Storyboard.Benchmarks;

/// <summary>
/// A plain folder-backed object store for the executor benchmarks, so stored results live on disk and
/// not in the memory being measured.
/// </summary>
internal sealed class AslStoreForBenchmark(string root) : IObjectStore
{
    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) =>
        File.Exists(PathOf(key)) ? Task.FromResult<Stream>(File.OpenRead(PathOf(key))) : throw ObjectNotFoundException.ForKey(key);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? new ObjectInfo(key, file.Length, file.LastWriteTimeUtc) : null);
    }

    public async Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var keys = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var key in keys)
        {
            yield return new ObjectInfo(key, new FileInfo(PathOf(key)).Length, DateTimeOffset.UtcNow);
        }

        await Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default) => Task.FromResult(PathOf(key));

    private string PathOf(string key) => Path.Combine(root, ObjectKey.Validate(key));
}
