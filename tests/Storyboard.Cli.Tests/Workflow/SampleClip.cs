using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Storyboard.Cli.Tests.Workflow;

/// <summary>
/// The bundled demo (samples/make-sample.sh): a 30 s 720p clip with two characters, their
/// reference images and ground-truth boxes, built once per test run from Debian's sprite and
/// photo packages.
/// </summary>
public sealed class SampleClip
{
    private static readonly Lazy<Task<SampleClip>> Built = new(BuildAsync);

    private SampleClip(string root) => Root = root;

    public string Root { get; }

    public string Build => Path.Combine(Root, "samples", "build");

    public string Video => Path.Combine(Build, "sample.mp4");

    public string Characters => Path.Combine(Build, "characters");

    public string Truth => Path.Combine(Build, "truth.json");

    public string Config => Path.Combine(Root, "samples", "config.json");

    public static Task<SampleClip> GetAsync() => Built.Value;

    /// <summary>
    /// Compares detections.jsonl lines with the clip's ground truth: of the detections within a
    /// quarter second of a truth sample, how many overlap their character's true box (IoU ≥ 0.5).
    /// </summary>
    public async Task<(int Checked, int Hits)> ScoreDetectionsAsync(IReadOnlyList<JsonNode> detections)
    {
        var truth = JsonNode.Parse(await File.ReadAllTextAsync(Truth))!["samples"]!.AsArray();
        var checkedCount = 0;
        var hits = 0;
        foreach (var detection in detections)
        {
            var time = detection["timeSeconds"]!.GetValue<double>();
            var nearest = truth.MinBy(s => Math.Abs(s!["timeSeconds"]!.GetValue<double>() - time))!;
            if (Math.Abs(nearest["timeSeconds"]!.GetValue<double>() - time) > 0.26)
            {
                continue;
            }

            checkedCount++;
            var name = detection["character"]!.GetValue<string>();
            if (nearest["objects"]!.AsArray().Any(o => o!["name"]!.GetValue<string>() == name && Iou(o["box"]!, detection["box"]!) >= 0.5))
            {
                hits++;
            }
        }

        return (checkedCount, hits);
    }

    private static double Iou(JsonNode a, JsonNode b)
    {
        double al = a["left"]!.GetValue<double>(), at = a["top"]!.GetValue<double>(), aw = a["width"]!.GetValue<double>(), ah = a["height"]!.GetValue<double>();
        double bl = b["left"]!.GetValue<double>(), bt = b["top"]!.GetValue<double>(), bw = b["width"]!.GetValue<double>(), bh = b["height"]!.GetValue<double>();
        var w = Math.Max(0, Math.Min(al + aw, bl + bw) - Math.Max(al, bl));
        var h = Math.Max(0, Math.Min(at + ah, bt + bh) - Math.Max(at, bt));
        var inter = w * h;
        return inter / ((aw * ah) + (bw * bh) - inter);
    }

    private static async Task<SampleClip> BuildAsync()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "samples", "make-sample.sh"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "samples/make-sample.sh failed (apt-get install -y ffmpeg tuxpaint-stamps-default mate-backgrounds): " + await stderr);
        return new SampleClip(root);
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
}
