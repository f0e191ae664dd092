using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Storage;

namespace Storyboard.Storage.Tests;

public sealed class MirroredObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "storyboard-mirror-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Write_WhenKeyIsMirrored_ShouldLandInBothStoresAndFramesOnlyInThePrimary()
    {
        var (store, primary, mirror) = Create();

        await store.WriteTextAsync("runs/r1/dataset/train.jsonl", "{}\n");
        await store.WriteTextAsync("runs/r1/frames/seg-0000/000001000.jpg", "jpeg");

        Assert.Equal("{}\n", await mirror.ReadTextAsync("runs/r1/dataset/train.jsonl"));
        Assert.True(await primary.ExistsAsync("runs/r1/frames/seg-0000/000001000.jpg"));
        Assert.False(await mirror.ExistsAsync("runs/r1/frames/seg-0000/000001000.jpg"));
    }

    [Fact]
    public async Task Read_WhenOnlyThePrimaryHasTheKey_ShouldReadAndListThePrimary()
    {
        var (store, primary, mirror) = Create();
        await primary.WriteTextAsync("runs/r1/plan.json", "[1]");
        await mirror.WriteTextAsync("runs/r1/other.json", "[2]");

        Assert.Equal("[1]", await store.ReadTextAsync("runs/r1/plan.json"));
        var keys = new List<string>();
        await foreach (var info in store.ListAsync("runs/r1/"))
        {
            keys.Add(info.Key);
        }

        Assert.Equal(["runs/r1/plan.json"], keys);
    }

    [Fact]
    public async Task Write_WhenTheMirrorFails_ShouldKeepThePrimaryAndSucceedWhenRepeated()
    {
        var blocked = Path.Combine(_root, "mirror");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(blocked, "a file where the mirror's folder should be");
        var primary = new LocalFolderObjectStore(Path.Combine(_root, "primary"));
        var store = new MirroredObjectStore(primary, new LocalFolderObjectStore(blocked), _ => true);

        await Assert.ThrowsAnyAsync<Exception>(() => store.WriteTextAsync("runs/r1/dataset/train.jsonl", "{}\n"));
        Assert.Equal("{}\n", await primary.ReadTextAsync("runs/r1/dataset/train.jsonl"));

        File.Delete(blocked);
        await store.WriteTextAsync("runs/r1/dataset/train.jsonl", "{}\n");
        Assert.Equal("{}\n", await new LocalFolderObjectStore(blocked).ReadTextAsync("runs/r1/dataset/train.jsonl"));
    }

    [Fact]
    public async Task Delete_WhenKeyIsMirrored_ShouldRemoveItFromBoth()
    {
        var (store, primary, mirror) = Create();
        await store.WriteTextAsync("runs/r1/model/job.json", "{}");

        await store.DeleteAsync("runs/r1/model/job.json");

        Assert.False(await primary.ExistsAsync("runs/r1/model/job.json"));
        Assert.False(await mirror.ExistsAsync("runs/r1/model/job.json"));
    }

    private (MirroredObjectStore Store, LocalFolderObjectStore Primary, LocalFolderObjectStore Mirror) Create()
    {
        var primary = new LocalFolderObjectStore(Path.Combine(_root, "primary"));
        var mirror = new LocalFolderObjectStore(Path.Combine(_root, "mirror"));
        return (new MirroredObjectStore(primary, mirror, key => !RunLayout.IsFrameKey(key)), primary, mirror);
    }
}
