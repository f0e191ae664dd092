using Storyboard.Core.Media;

namespace Storyboard.Media;

/// <summary>
/// Finds ffmpeg and ffprobe: FFMPEG_PATH / FFPROBE_PATH first (an explicit choice wins), then the
/// configured folder, then /opt/bin (the Lambda layer), then PATH.
/// </summary>
public sealed class MediaToolLocator(MediaToolsOptions options, Func<string, string?>? environment = null)
{
    private const string LambdaLayerFolder = "/opt/bin";
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public string Ffmpeg => Resolve("ffmpeg", "FFMPEG_PATH");

    public string Ffprobe => Resolve("ffprobe", "FFPROBE_PATH");

    private string Resolve(string tool, string variable)
    {
        // An explicit path is used even when it does not exist, so a typo fails loudly instead
        // of silently picking another binary.
        var explicitPath = _environment(variable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        var fileName = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ToolsFolder))
        {
            folders.Add(options.ToolsFolder);
        }

        folders.Add(LambdaLayerFolder);
        folders.AddRange((_environment("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw FfmpegMissingException.For(tool, $"{variable}, {string.Join(", ", folders)}");
    }
}
