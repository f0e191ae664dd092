using System.Text.Json.Nodes;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests;

/// <summary>Runs the dataset path once on the two-character clip, then a second time over the same folder, one item at a time.</summary>
public sealed class DatasetPathFixture : IAsyncLifetime, IDisposable
{
    private readonly RunFolder folder = new();

    internal RunFolder Folder => folder;

    internal TwoCharacterClip Clip { get; private set; } = null!;

    internal Workflow First { get; private set; } = null!;

    internal Workflow Second { get; private set; } = null!;

    internal SortedDictionary<string, byte[]> FirstFiles { get; private set; } = null!;

    internal SortedDictionary<string, byte[]> SecondFiles { get; private set; } = null!;

    public string RunPrefix => (string)First.Run!["runPrefix"]!;

    public static JsonObject ExecutionInput() => new()
    {
        ["bucket"] = RunFolder.Bucket,
        ["key"] = "uploads/two characters.mp4",
        ["config"] = new JsonObject
        {
            ["characters"] = new JsonArray(new JsonObject { ["name"] = "Dino" }, new JsonObject { ["name"] = "Teddy" }),
            ["sampling"] = new JsonObject { ["fps"] = 1.0 },
            ["segmentSeconds"] = 10,
        },
        ["datasetOnly"] = true,
    };

    public async Task InitializeAsync()
    {
        Clip = await TwoCharacterClip.MakeAsync(Path.Combine(folder.Root, "fixture"));
        await folder.PutFileAsync("uploads/two characters.mp4", Clip.VideoPath);
        foreach (var (name, path) in Clip.References)
        {
            await folder.PutFileAsync($"characters/{name}/{Path.GetFileName(path)}", path);
        }

        // Four frames, crops or batches at a time in the first run and one in the second: the files must not differ.
        First = new Workflow(folder.Services with { Parallelism = 4 });
        await First.RunDatasetPathAsync(ExecutionInput());
        FirstFiles = await folder.SnapshotAsync(RunPrefix);
        Second = new Workflow(folder.Services with { Parallelism = 1 });
        await Second.RunDatasetPathAsync(ExecutionInput());
        SecondFiles = await folder.SnapshotAsync(RunPrefix);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => folder.Dispose();
}
