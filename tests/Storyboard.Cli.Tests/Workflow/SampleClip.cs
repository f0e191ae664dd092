using System.Diagnostics;

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
