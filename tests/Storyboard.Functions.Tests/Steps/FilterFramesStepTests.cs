using Storyboard.Core.Storage;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Steps;

public sealed class FilterFramesStepTests : IDisposable
{
    private const string RunId = "filter-0123456789ab";
    private const string Segment = "seg-0000";
    private readonly RunFolder folder = new();
    private readonly RunKeys keys = new(RunId);

    [Theory]
    [InlineData("{}", new[] { 0.0, 4.0 }, new[] { "near-identical", "black", "blurry" })]
    [InlineData("""{"minMeanLuma": 0, "minSharpness": 0}""", new[] { 0.0, 2.0, 3.0, 4.0 }, new[] { "near-identical" })]
    public async Task RunAsync_WhenFramesAreBlackBlurredOrRepeated_ShouldDropEachWithItsReasonByTheConfiguredLines(string filters, double[] kept, string[] reasons)
    {
        await folder.Store.WriteTextAsync("runs/" + RunId + "/config.json", $$"""{"characters": [{"name": "Gnu"}], "filters": {{filters}}}""");
        var frames = new List<FrameEntry>();
        async Task AddAsync(double time, params string[] source)
        {
            var path = Path.Combine(folder.Root, $"{time}.jpg");
            await Ffmpeg.RunAsync([.. source, "-frames:v", "1", "-q:v", "3", path]);
            var key = keys.Layout.FrameKey(Segment, time);
            await folder.PutFileAsync(key, path);
            frames.Add(new FrameEntry(key, time, 320, 180));
        }

        await AddAsync(0, "-f", "lavfi", "-i", "testsrc2=s=320x180");
        await AddAsync(1, "-f", "lavfi", "-i", "testsrc2=s=320x180");
        await AddAsync(2, "-f", "lavfi", "-i", "color=c=black:s=320x180");
        await AddAsync(3, "-i", DebianAssets.Garden, "-vf", "scale=320:180,boxblur=12:3");
        await AddAsync(4, "-i", DebianAssets.Garden, "-vf", "scale=320:180");
        await StoreJson.WriteAsync(folder.Store, keys.FramesManifestKey(Segment), new FramesManifest(Segment, frames), FunctionsJsonContext.Default.FramesManifest, CancellationToken.None);

        var output = await new FilterFramesStep(folder.Services).RunAsync(Run(), [Segment], CancellationToken.None);

        var manifest = await StoreJson.ReadAsync(folder.Store, keys.FilterKey(Segment), FunctionsJsonContext.Default.FilterManifest, CancellationToken.None);
        Assert.Equal(kept, manifest.Kept.Select(f => f.TimeSeconds));
        Assert.Equal(reasons, manifest.Dropped.Select(d => d.Reason));
        Assert.Contains(frames[0].Key, manifest.Dropped[0].Detail, StringComparison.Ordinal);
        Assert.Equal((kept.Length, reasons.Length), (output.Kept, output.Dropped));
    }

    public void Dispose() => folder.Dispose();

    private static RunContext Run() => new(RunId, RunFolder.Bucket, "runs/" + RunId + "/", "runs/" + RunId + "/plan.json", "runs/" + RunId + "/config.json", "uploads/x.mp4", "local", true, false, true, 1, "amazon.nova-canvas-v1:0");
}
