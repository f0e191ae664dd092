using System.Text;
using Storyboard.Core.Storage;
using Storyboard.Storage;

namespace Storyboard.Storage.Tests;

public sealed class LocalFolderObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "storyboard-store-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderObjectStore _store;

    public LocalFolderObjectStoreTests() => _store = new LocalFolderObjectStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_ThenReadText_ShouldReturnTheSameBytesAtTheKeysPath()
    {
        await _store.WriteTextAsync("runs/r1/plan.json", "{\"a\":1}");

        Assert.Equal("{\"a\":1}", await _store.ReadTextAsync("runs/r1/plan.json"));
        Assert.True(File.Exists(Path.Combine(_root, "runs", "r1", "plan.json")));
    }

    [Fact]
    public async Task WriteAsync_WhenKeyHasSpacesAndNonAscii_ShouldRoundTrip()
    {
        const string key = "uploads/Mon film d'été 🎬.mp4";
        await _store.WriteTextAsync(key, "x");

        Assert.True(await _store.ExistsAsync(key));
        Assert.Equal(key, Assert.Single(await ListAsync("uploads/")).Key);
    }

    [Fact]
    public async Task WriteAsync_WhenOverwriting_ShouldReplaceWholeObject()
    {
        await _store.WriteTextAsync("a/b.txt", "a much longer first version");
        await _store.WriteTextAsync("a/b.txt", "short");

        Assert.Equal("short", await _store.ReadTextAsync("a/b.txt"));
    }

    [Fact]
    public async Task WriteAsync_WhenSourceStreamFailsMidway_ShouldKeepThePreviousObjectAndLeaveNoPartialFile()
    {
        await _store.WriteTextAsync("a/b.txt", "previous");

        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("a/b.txt", new FailingStream(bytesBeforeFailure: 10_000)));

        Assert.Equal("previous", await _store.ReadTextAsync("a/b.txt"));
        Assert.Single(await ListAsync(""));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, LocalFolderObjectStore.StagingFolderName)));
    }

    [Fact]
    public async Task WriteAsync_WhenCancelled_ShouldLeaveNoObject()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.WriteAsync("a/b.txt", new MemoryStream(new byte[100_000]), null, cts.Token));

        Assert.False(await _store.ExistsAsync("a/b.txt"));
    }

    [Fact]
    public async Task ListAsync_ShouldReturnKeysUnderPrefixInOrdinalOrder()
    {
        foreach (var key in new[] { "runs/r1/frames/seg-0001/2000.jpg", "runs/r1/frames/seg-0001/10000.jpg", "runs/r1/Z.json", "runs/r1/a.json", "runs/r10/x.json", "other/y.json" })
        {
            await _store.WriteTextAsync(key, key);
        }

        var keys = (await ListAsync("runs/r1/")).Select(o => o.Key).ToList();

        Assert.Equal(new[] { "runs/r1/Z.json", "runs/r1/a.json", "runs/r1/frames/seg-0001/10000.jpg", "runs/r1/frames/seg-0001/2000.jpg" }, keys);
    }

    [Fact]
    public async Task ListAsync_WhenPrefixEndsMidName_ShouldMatchLikeS3()
    {
        await _store.WriteTextAsync("runs/r1/a.json", "1");
        await _store.WriteTextAsync("runs/r10/b.json", "2");
        await _store.WriteTextAsync("runs/s/c.json", "3");

        var keys = (await ListAsync("runs/r1")).Select(o => o.Key).ToList();

        Assert.Equal(new[] { "runs/r1/a.json", "runs/r10/b.json" }, keys);
    }

    [Fact]
    public async Task ListAsync_WhenNothingMatches_ShouldBeEmpty()
    {
        Assert.Empty(await ListAsync("nothing/here/"));
    }

    [Fact]
    public async Task ListAsync_ShouldReportSizes()
    {
        await _store.WriteTextAsync("k/one.bin", "12345");

        var info = Assert.Single(await ListAsync("k/"));

        Assert.Equal(5, info.Size);
        var direct = await _store.GetInfoAsync("k/one.bin");
        Assert.NotNull(direct);
        Assert.Equal(info, direct);
    }

    [Fact]
    public async Task OpenReadAsync_WhenMissing_ShouldThrowObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync("runs/none/plan.json"));

        Assert.Contains("runs/none/plan.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInfoAsync_WhenMissing_ShouldReturnNull()
    {
        Assert.Null(await _store.GetInfoAsync("missing.txt"));
    }

    [Fact]
    public async Task DeleteAsync_ShouldRemoveObject_AndIgnoreAbsentOnes()
    {
        await _store.WriteTextAsync("a/b.txt", "x");

        await _store.DeleteAsync("a/b.txt");
        await _store.DeleteAsync("a/b.txt");
        await _store.DeleteAsync("never/was.txt");

        Assert.False(await _store.ExistsAsync("a/b.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("runs/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("runs/a\u0000b")]
    [InlineData(".storyboard-staging/x")]
    [InlineData("runs//x")]
    public async Task AnyOperation_WhenKeyIsUnsafe_ShouldThrowInvalidObjectKey(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.WriteTextAsync(key, "x"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.OpenReadAsync(key));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "escape.txt")));
    }

    [Fact]
    public async Task WriteAsync_WhenKeyIsFolderLike_ShouldThrowInvalidObjectKey()
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => _store.WriteTextAsync("runs/r1/", "x"));
    }

    [Fact]
    public async Task WriteAsync_WhenAnObjectHasTheNameOfTheFolder_ShouldThrowObjectKeyConflict()
    {
        await _store.WriteTextAsync("runs/r1", "object");

        await Assert.ThrowsAsync<ObjectKeyConflictException>(() => _store.WriteTextAsync("runs/r1/plan.json", "x"));
        Assert.Equal("object", await _store.ReadTextAsync("runs/r1"));
    }

    [Fact]
    public async Task WriteAsync_WhenRootCannotBeCreated_ShouldThrowStoreNotWritableWithAdvice()
    {
        var file = Path.Combine(_root, "a-file");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(file, "x");
        var store = new LocalFolderObjectStore(Path.Combine(file, "out"));

        var ex = await Assert.ThrowsAsync<StoreNotWritableException>(() => store.WriteTextAsync("runs/r1/plan.json", "x"));

        Assert.Contains("--out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadableLocationAsync_ShouldReturnAnExistingAbsolutePath()
    {
        await _store.WriteTextAsync("uploads/clip.mp4", "x");

        var location = await _store.GetReadableLocationAsync("uploads/clip.mp4", TimeSpan.FromMinutes(5));

        Assert.True(Path.IsPathRooted(location));
        Assert.Equal("x", await File.ReadAllTextAsync(location));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.GetReadableLocationAsync("uploads/none.mp4", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task WriteAsync_WhenManyWritersRaceOnOneKey_ShouldLeaveOneCompleteVersion()
    {
        var versions = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), 50_000)).ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => _store.WriteTextAsync("race.txt", v))));

        Assert.Contains(await _store.ReadTextAsync("race.txt"), versions);
    }

    private async Task<List<ObjectInfo>> ListAsync(string prefix)
    {
        var list = new List<ObjectInfo>();
        await foreach (var info in _store.ListAsync(prefix))
        {
            list.Add(info);
        }

        return list;
    }

    /// <summary>Yields some bytes, then fails like a dropped network read.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _remaining = bytesBeforeFailure;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_remaining <= 0)
            {
                throw new IOException("connection reset");
            }

            var n = Math.Min(count, _remaining);
            Array.Fill(buffer, (byte)'z', offset, n);
            _remaining -= n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
