using System.Text.Json.Nodes;
using Storyboard.Cli.Tests.Commands;

namespace Storyboard.Cli.Tests.Workflow;

/// <summary>The main job, end to end on the bundled sample, offline, through the deployed workflow file.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Run_OnTheSampleClip_ShouldBuildAValidDatasetWhoseDetectionsAndCaptionsMatchTheCharacters()
    {
        var sample = await SampleClip.GetAsync();

        var (code, output, error) = await cli.RunAsync("run", sample.Video, "--characters", sample.Characters, "--config", sample.Config, "--out", cli.Out);

        Assert.True(code == 0, error + output);
        var run = Directory.GetDirectories(Path.Combine(cli.Out, "runs")).Single();

        // The dataset passes every Nova Canvas limit, checked again from the files alone.
        var validate = await cli.RunAsync("validate-dataset", Path.Combine(run, "dataset", "train.jsonl"));
        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);

        // Every caption names the characters its crop shows.
        var items = Lines(Path.Combine(run, "dataset", "items.jsonl"));
        Assert.True(items.Count >= 5, $"only {items.Count} training images");
        foreach (var item in items)
        {
            var caption = item["caption"]!.GetValue<string>();
            foreach (var character in item["characters"]!.AsArray())
            {
                Assert.Contains(character!.GetValue<string>(), caption, StringComparison.Ordinal);
            }
        }

        // Detections land on the characters: compared with the clip's ground truth.
        var (checkedCount, hits) = await sample.ScoreDetectionsAsync(Lines(Path.Combine(run, "detections.jsonl")));
        Assert.True(checkedCount >= 10, $"only {checkedCount} detections near a ground-truth time");
        Assert.True(hits >= checkedCount * 0.9, $"{hits} of {checkedCount} detections overlap their character's true box");

        // The storyboard and the report are there, and the model files say nothing was trained.
        Assert.True(File.Exists(Path.Combine(run, "storyboard", "sheet.png")));
        Assert.Contains("Storyboard", await File.ReadAllTextAsync(Path.Combine(run, "dataset", "report.html")), StringComparison.Ordinal);
        Assert.Contains("\"trained\": false", await File.ReadAllTextAsync(Path.Combine(run, "model", "customization-job.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "dataset", "export", "metadata.jsonl")));
    }

    [Fact]
    public async Task Run_WhenTheVideoIsNotAVideo_ShouldFailWithANamedErrorAndWriteErrorJson()
    {
        var sample = await SampleClip.GetAsync();
        var notAVideo = cli.Write("notes.mp4", "these are meeting notes, not a video");

        var (code, output, _) = await cli.RunAsync("run", notAVideo, "--characters", sample.Characters, "--out", cli.Out);

        Assert.Equal(1, code);
        Assert.Contains("NotAVideoException", output, StringComparison.Ordinal);
        var errors = Directory.GetFiles(Path.Combine(cli.Out, "runs"), "error.json", SearchOption.AllDirectories);
        Assert.Contains("NotAVideoException", await File.ReadAllTextAsync(Assert.Single(errors)), StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();

    private static List<JsonNode> Lines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
}
