using Storyboard.Core.Storage;
using Storyboard.Functions.Composition;

namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>A temporary local run folder with the offline services composed over it.</summary>
internal sealed class RunFolder : IDisposable
{
    public const string Bucket = "storyboard-test";

    public RunFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "storyboard-functions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Services = LocalServices.Create(Path.Combine(Root, "out"), Bucket, Path.Combine(Root, "scratch")) with { Clock = new FixedClock() };
    }

    public string Root { get; }

    public string Output => Path.Combine(Root, "out");

    public StoryboardServices Services { get; }

    public IObjectStore Store => Services.Store;

    public async Task PutFileAsync(string key, string path)
    {
        await using var stream = File.OpenRead(path);
        await Store.WriteAsync(key, stream);
    }

    /// <summary>Every file under <paramref name="prefix"/> with its bytes, for before/after comparisons.</summary>
    public async Task<SortedDictionary<string, byte[]>> SnapshotAsync(string prefix)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var info in Store.ListAsync(prefix))
        {
            files[info.Key] = await Store.ReadBytesAsync(info.Key);
        }

        return files;
    }

    /// <summary>Set <c>STORYBOARD_KEEP_TEST_OUTPUT=1</c> to keep the run folders for a look (e.g. at report.html).</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("STORYBOARD_KEEP_TEST_OUTPUT") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
