using System.Diagnostics;
using System.Globalization;
using System.Text;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;
using Storyboard.Local.Customization;
using Storyboard.Storage;

namespace Storyboard.Functions.Tests.Model;

/// <summary>
/// A run folder in a temp directory with what BuildDataset leaves behind: six solid-colour crops
/// made by ffmpeg, their captions in items.jsonl and train.jsonl, and a run config with scenes.
/// </summary>
public sealed class ModelRun : IDisposable
{
    public const string RunId = "intro-3f9a0c12b7de";
    public const string Bucket = "storyboard-local";

    public static readonly (string Character, string Colour, string Caption, string[] Cast)[] Crops =
    [
        ("Tux", "red", "Tux waddles across the snowy beach at dawn", ["Tux"]),
        ("Tux", "orange", "Tux reads a thick book by the crackling fire", ["Tux"]),
        ("Gnu", "blue", "Gnu grazes in a sunny meadow full of flowers", ["Gnu"]),
        ("Gnu", "navy", "Gnu runs through tall grass under a grey sky", ["Gnu"]),
        ("Tux", "purple", "Tux and Gnu share a picnic in the park", ["Tux", "Gnu"]),
        ("Wilber", "green", "Wilber paints a portrait in the quiet studio", ["Wilber"]),
    ];

    public const string DefaultScenes = """
        [
          {"prompt": "Tux reading a book beside a warm fire", "seed": 7, "width": 512, "height": 512},
          {"prompt": "Gnu and Tux having a picnic on a blanket", "seed": 8, "width": 512, "height": 512},
          {"prompt": "Wilber painting in his studio", "seed": 9, "width": 512, "height": 512}
        ]
        """;

    private ModelRun(string root)
    {
        Root = root;
        Store = new LocalFolderObjectStore(root);
        Layout = new RunLayout(RunId);
    }

    public string Root { get; }

    public IObjectStore Store { get; }

    public RunLayout Layout { get; }

    public List<string> CropKeys { get; } = [];

    public RunContext Run(string baseModel = "amazon.nova-canvas-v1:0") =>
        new(RunId, Bucket, Layout.Prefix, Layout.PlanKey, Layout.Prefix + "config.json", "uploads/intro.mp4", "local", false, true, true, 0, baseModel);

    public BuildDatasetOutput Dataset(int records = 6) =>
        new(Layout.TrainKey, $"s3://{Bucket}/{Layout.TrainKey}", Layout.ItemsKey, Layout.ReportKey, Layout.ExportPrefix, records);

    public ModelServices Services(int jobChecksInProgress = 2, int throughputChecksCreating = 1) =>
        ModelServices.Offline(Store, new ModelSettings(ModelSettings.DryRunRoleArn, 1), Bucket, new DryRunOptions(jobChecksInProgress, throughputChecksCreating));

    public static async Task<ModelRun> CreateAsync(string scenes = DefaultScenes, string fineTuning = "{}")
    {
        var run = new ModelRun(Path.Combine(Path.GetTempPath(), "storyboard-model-" + Guid.NewGuid().ToString("N")));
        await run.WriteDatasetAsync().ConfigureAwait(false);
        await run.WriteConfigAsync(scenes, fineTuning).ConfigureAwait(false);
        return run;
    }

    public Task WriteConfigAsync(string scenes, string fineTuning = "{}") =>
        Store.WriteTextAsync(Layout.Prefix + "config.json", $$$"""
            {"characters": [{"name": "Tux"}, {"name": "Gnu"}, {"name": "Wilber"}],
             "fineTuning": {{{fineTuning}}},
             "storyboard": {"scenes": {{{scenes}}}}}
            """);

    private async Task WriteDatasetAsync()
    {
        var items = new StringBuilder();
        var train = new StringBuilder();
        for (var i = 0; i < Crops.Length; i++)
        {
            var (character, colour, caption, cast) = Crops[i];
            var key = Layout.CropKey(character, i + 1, 0);
            // Each crop has its own size, so a panel can be told apart from the others by its bytes and its shape.
            var png = await FfmpegAsync("-f", "lavfi", "-i", $"color=c={colour}:s={64 + (8 * i)}x96", "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "-").ConfigureAwait(false);
            await using (var stream = new MemoryStream(png))
            {
                await Store.WriteAsync(key, stream, "image/png").ConfigureAwait(false);
            }

            CropKeys.Add(key);
            var uri = $"s3://{Bucket}/{key}";
            var castJson = string.Join(",", cast.Select(c => $"\"{c}\""));
            items.Append(CultureInfo.InvariantCulture, $$"""{"image-ref":"{{uri}}","characters":[{{castJson}}],"timeSeconds":{{i + 1}},"sourceFrame":"{{Layout.FrameKey("seg-0001", i + 1)}}","box":{"left":0.1,"top":0.1,"width":0.5,"height":0.8},"caption":"{{caption}}"}""").Append('\n');
            train.Append(CultureInfo.InvariantCulture, $$"""{"image-ref":"{{uri}}","caption":"{{caption}}"}""").Append('\n');
        }

        await Store.WriteTextAsync(Layout.ItemsKey, items.ToString()).ConfigureAwait(false);
        await Store.WriteTextAsync(Layout.TrainKey, train.ToString()).ConfigureAwait(false);
    }

    public static async Task<byte[]> FfmpegAsync(params string[] args) => await RunToolAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", .. args]).ConfigureAwait(false);

    /// <summary>Width and height of an image as ffprobe reads it.</summary>
    public static async Task<(int Width, int Height)> ProbeSizeAsync(string path)
    {
        var text = Encoding.ASCII.GetString(await RunToolAsync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", path]).ConfigureAwait(false)).Trim();
        var parts = text.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static async Task<byte[]> RunToolAsync(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start; install ffmpeg.");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await copy.ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException($"{tool} failed: {await errors.ConfigureAwait(false)}");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
