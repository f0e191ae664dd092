using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

using Storyboard.Tests.Shared;

namespace Storyboard.Local.Tests.TestSupport;

/// <summary>The demo clip from samples/make-sample.sh and its ground truth.</summary>
internal sealed class SampleClip
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    private SampleClip(string folder, IReadOnlyList<TruthSample> samples)
    {
        Folder = folder;
        Samples = samples;
    }

    public string Folder { get; }

    public string Video => Path.Combine(Folder, "sample.mp4");

    public string Characters => Path.Combine(Folder, "characters");

    public IReadOnlyList<TruthSample> Samples { get; }

    /// <summary>Runs the (idempotent) script, then reads truth.json.</summary>
    public static async Task<SampleClip> BuildAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Storyboard.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Storyboard.sln not found above the test folder.");
        }

        await BuildLock.WaitAsync();
        try
        {
            var psi = new ProcessStartInfo("bash", [Path.Combine(root, "samples", "make-sample.sh")]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"samples/make-sample.sh failed: {await stderr} (needs: {DebianAssets.Install})");
            }
        }
        finally
        {
            BuildLock.Release();
        }

        var folder = Path.Combine(root, "samples", "build");
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "truth.json")));
        var samples = doc.RootElement.GetProperty("samples").EnumerateArray().Select(s => new TruthSample(
            s.GetProperty("timeSeconds").GetDouble(),
            [.. s.GetProperty("objects").EnumerateArray().Select(o => new TruthObject(
                o.GetProperty("name").GetString()!,
                o.GetProperty("isCharacter").GetBoolean(),
                o.GetProperty("visibleFraction").GetDouble(),
                new RelativeBox(o.GetProperty("box").GetProperty("left").GetDouble(), o.GetProperty("box").GetProperty("top").GetDouble(), o.GetProperty("box").GetProperty("width").GetDouble(), o.GetProperty("box").GetProperty("height").GetDouble())))])).ToList();
        return new SampleClip(folder, samples);
    }

    public async Task<ICharacterReferenceIndex> IndexAsync()
    {
        var refs = new List<(string, string)>();
        foreach (var dir in Directory.GetDirectories(Characters).Order(StringComparer.Ordinal))
        {
            refs.AddRange(Directory.GetFiles(dir, "*.png").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(dir), f)));
        }

        return await SceneComposer.IndexAsync([.. refs]);
    }

    /// <summary>Frames at start, start+1 s, ... (1 fps), decoded to RGB.</summary>
    public async Task<IReadOnlyList<(double Time, RgbImage Frame)>> FramesAsync(double start, int count)
    {
        var bytes = await FfmpegRunner.RunAsync("-ss", start.ToString(CultureInfo.InvariantCulture), "-i", Video, "-vf", "fps=1", "-frames:v", count.ToString(CultureInfo.InvariantCulture), "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        var size = SceneComposer.Width * SceneComposer.Height * 3;
        return [.. Enumerable.Range(0, bytes.Length / size).Select(i => (start + i, new RgbImage(SceneComposer.Width, SceneComposer.Height, bytes.AsSpan(i * size, size).ToArray())))];
    }
}
