using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Storyboard.Asl.History;
using Storyboard.Cli.Workflow;
using Storyboard.Core.Runs;

namespace Storyboard.Benchmarks;

/// <summary>
/// The whole offline workflow (dataset-only: frames → filters → detection → crops → embeddings →
/// selection → captions → dataset) on a 10-minute 720p cartoon clip at 1 fps, against plain
/// <c>ffmpeg -vf fps=1</c> decoding the same file in the same run, with the time spent in each state.
/// </summary>
internal sealed class WorkflowBenchmark : IBenchmark
{
    public string Name => "workflow";

    public string Description => "offline workflow on a 720p cartoon clip at 1 fps vs plain ffmpeg fps=1; per-state time; peak memory";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        await Run("bash", [Path.Combine(root, "samples", "make-sample.sh")], cancellationToken);
        var sample = Path.Combine(root, "samples", "build");

        // The 30 s demo, looped to 10 minutes (2 in --quick): the same characters in every scene, as in a real episode.
        var loops = options.Quick ? 4 : 20;
        var clip = Path.Combine(options.WorkDirectory, $"workflow-{loops * 30}s.mp4");
        await Run("ffmpeg", ["-nostdin", "-loglevel", "error", "-y", "-stream_loop", (loops - 1).ToString(CultureInfo.InvariantCulture), "-i", Path.Combine(sample, "sample.mp4"), "-c", "copy", clip], cancellationToken);

        var plainFolder = Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "workflow-plain")).FullName;
        var plain = Stopwatch.StartNew();
        await Run("ffmpeg", ["-nostdin", "-loglevel", "error", "-i", clip, "-vf", "fps=1", "-q:v", "3", Path.Combine(plainFolder, "%06d.jpg")], cancellationToken);
        plain.Stop();

        var output = Path.Combine(options.WorkDirectory, "workflow-out");
        var run = WorkflowRun.Create(output, 1.0, progress: null);
        var videoKey = await RunInputs.UploadVideoAsync(run.Services.Store, new FileInfo(clip), cancellationToken);
        await RunInputs.SyncCharactersAsync(run.Services.Store, new DirectoryInfo(Path.Combine(sample, "characters")), cancellationToken);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "samples", "config.json"), cancellationToken));
        var input = RunInputs.ExecutionInput(run.Services.Bucket, videoKey, config, datasetOnly: true);
        var runId = await run.RunIdAsync(input, videoKey, cancellationToken);

        var before = Process.GetCurrentProcess().WorkingSet64;
        var workflow = Stopwatch.StartNew();
        var result = await run.StartAsync(input, runId, 1.0, cancellationToken);
        workflow.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The workflow failed: {result.Error}: {result.Cause}");
        }

        var layout = new RunLayout(runId);
        var records = File.ReadAllLines(Path.Combine(output, layout.TrainKey)).Length;
        var ratio = workflow.Elapsed.TotalSeconds / plain.Elapsed.TotalSeconds;
        var figures = new List<(string, string)>
        {
            ("clip", $"{loops * 30} s 1280x720 25 fps (the demo looped), sampled at 1 fps; {Directory.GetFiles(plainFolder).Length} frames"),
            ("plain ffmpeg fps=1 (s)", F(plain.Elapsed.TotalSeconds)),
            ("offline workflow, dataset-only (s)", F(workflow.Elapsed.TotalSeconds)),
            ("ratio workflow / plain ffmpeg", F(ratio)),
            ("training records", records.ToString(CultureInfo.InvariantCulture)),
            ("peak working set (MB), before run (MB)", $"{peak / 1048576} , {before / 1048576}"),
        };
        foreach (var (state, seconds) in await StateSecondsAsync(output, layout, cancellationToken))
        {
            figures.Add(($"  time in {state} (s, summed over children)", F(seconds)));
        }

        return new BenchmarkReport(Name, figures, "workflow / plain ffmpeg <= 3, peak memory < 1 GB", ratio <= 3 && peak < 1L << 30);
    }

    /// <summary>Time in each state from the run's history and its Map Run children's histories.</summary>
    private static async Task<IEnumerable<(string State, double Seconds)>> StateSecondsAsync(string output, RunLayout layout, CancellationToken cancellationToken)
    {
        var files = new List<string> { Path.Combine(output, layout.HistoryKey) };
        var children = Path.Combine(output, layout.Prefix, "map-runs");
        if (Directory.Exists(children))
        {
            files.AddRange(Directory.GetFiles(children, "*.jsonl", SearchOption.AllDirectories));
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var open = new Dictionary<(string?, string), DateTimeOffset>();
            foreach (var e in await ExecutionHistory.ReadAsync(stream, cancellationToken))
            {
                var name = e.Details?["name"]?.GetValue<string>();
                if (name is null)
                {
                    continue;
                }

                if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
                {
                    open[(e.ExecutionArn, name)] = e.Timestamp;
                }
                else if (e.Type.EndsWith("StateExited", StringComparison.Ordinal) && open.Remove((e.ExecutionArn, name), out var since))
                {
                    totals[name] = totals.GetValueOrDefault(name) + (e.Timestamp - since).TotalSeconds;
                }
            }
        }

        return totals.Where(t => t.Value >= 0.05).OrderByDescending(t => t.Value).Select(t => (t.Key, t.Value));
    }

    private static async Task Run(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await stderr}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Storyboard.sln not found above " + AppContext.BaseDirectory);
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
