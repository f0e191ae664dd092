using System.Runtime.CompilerServices;
using Storyboard.Core.Storage;

namespace Storyboard.Storage;

/// <summary>
/// A folder that plays the bucket on a local run: key <c>runs/x/plan.json</c> is the file
/// <c>&lt;root&gt;/runs/x/plan.json</c>, so a run folder can be inspected, zipped or synced to S3 as it is.
/// </summary>
public sealed class LocalFolderObjectStore : IObjectStore
{
    /// <summary>Partial writes live here until they are complete; never listed, never a key.</summary>
    public const string StagingFolderName = ".storyboard-staging";

    private readonly string _root;
    private readonly string _staging;

    public LocalFolderObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _staging = Path.Combine(_root, StagingFolderName);
    }

    public string Root => _root;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ObjectNotFoundException.ForKey(key);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathFor(key)));

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathFor(key));
        return Task.FromResult(file.Exists ? new ObjectInfo(key, file.Length, file.LastWriteTimeUtc) : null);
    }

    public async Task WriteAsync(string key, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathFor(key);
        if (key.EndsWith('/'))
        {
            throw new InvalidObjectKeyException($"Invalid object key '{key}': a folder-like key (ending in '/') cannot hold data in a local run folder.");
        }

        var staged = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(_staging);
            await using (var target = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await CopyAsync(content, target, cancellationToken).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // A rename within one file system is atomic: readers see the old object or the new one.
            File.Move(staged, path, overwrite: true);
        }
        catch (SourceReadException ex)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.Inner);
            throw;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw NotWritable(key, ex);
        }
        catch (IOException ex) when (ConflictsWithExisting(path))
        {
            throw new ObjectKeyConflictException(
                $"Cannot write '{key}': a local run folder cannot hold both an object and a folder of the same name. Use another key.", ex);
        }
        catch (IOException ex)
        {
            throw NotWritable(key, ex);
        }
        finally
        {
            TryDelete(staged);
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0)
        {
            ObjectKey.Validate(prefix);
        }

        // Walk only the deepest folder the prefix names in full; the rest of the prefix filters names.
        var lastSlash = prefix.LastIndexOf('/');
        var folder = lastSlash < 0 ? _root : Path.Combine(_root, prefix[..lastSlash]);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var found = new List<ObjectInfo>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(StagingFolderName + "/", StringComparison.Ordinal) || !relative.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            found.Add(new ObjectInfo(relative, file.Length, file.LastWriteTimeUtc));
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var info in found)
        {
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Deleting an absent object is not an error.
        }
        catch (UnauthorizedAccessException ex)
        {
            throw NotWritable(key, ex);
        }

        return Task.CompletedTask;
    }

    public Task<string> GetReadableLocationAsync(string key, TimeSpan validity, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        return File.Exists(path) ? Task.FromResult(path) : throw ObjectNotFoundException.ForKey(key);
    }

    private string PathFor(string key)
    {
        ObjectKey.Validate(key);
        if (key == StagingFolderName || key.StartsWith(StagingFolderName + "/", StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException($"Invalid object key '{key}': '{StagingFolderName}' is reserved for writes in progress.");
        }

        var path = Path.GetFullPath(Path.Combine(_root, key.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar)));

        // ObjectKey already forbids '..'; this guards against anything the OS resolves differently.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException($"Invalid object key '{key}': it resolves outside the run folder.");
        }

        return path;
    }

    private bool ConflictsWithExisting(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        for (var parent = Path.GetDirectoryName(path); parent is not null && parent.Length > _root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Copies by hand so that a failing source (a dropped download) surfaces as itself and is
    /// never reported as an unwritable store.
    /// </summary>
    private static async Task CopyAsync(Stream source, FileStream target, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await ReadSourceAsync(source, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<int> ReadSourceAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new SourceReadException(ex);
        }
    }

    private StoreNotWritableException NotWritable(string key, Exception inner) =>
        new($"Cannot write '{key}' under '{_root}': {inner.Message} Choose an output folder you can write to (--out) and check free disk space.", inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover staging file is harmless: it is never listed and the next write uses a new name.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Carries a source failure past the write-failure handlers unchanged.</summary>
    private sealed class SourceReadException(IOException inner) : Exception(inner.Message, inner)
    {
        public IOException Inner { get; } = inner;
    }
}
