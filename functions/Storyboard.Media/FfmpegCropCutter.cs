using System.Text;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary>
/// <see cref="ICropCutter"/> in one ffmpeg call: the frame is decoded once, padded with black so
/// rectangles reaching past the edges stay exact, split N ways, and each branch is cropped,
/// scaled with lanczos and written as PNG.
/// </summary>
public sealed class FfmpegCropCutter(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options) : ICropCutter
{
    public async Task CutAsync(string sourceImage, IReadOnlyList<CropRequest> crops, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceImage);
        ArgumentNullException.ThrowIfNull(crops);
        ArgumentOutOfRangeException.ThrowIfZero(crops.Count);
        foreach (var crop in crops)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(crop.OutputWidth);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(crop.OutputHeight);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(crop.OutputPath))!);
        }

        MediaInput.EnsureLocalFileExists(sourceImage);
        var arguments = new List<string>
        {
            "-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            // image2 without patterns, so '%' in a file name is just a character.
            "-f", "image2", "-pattern_type", "none", "-i", MediaInput.ToArgument(sourceImage),
            "-filter_complex", FilterGraph(crops),
        };
        for (var i = 0; i < crops.Count; i++)
        {
            arguments.AddRange(["-map", $"[o{i}]", "-frames:v", "1", "-c:v", "png", "-f", "image2", "-update", "1", MediaInput.ToOutputArgument(crops[i].OutputPath)]);
        }

        var result = await runner.RunAsync(
            new MediaProcessRequest("ffmpeg", locator.Ffmpeg, arguments, options.ImageTimeout, 0),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw MediaProcessFailedException.For("ffmpeg", $"cutting {crops.Count} crops from \"{sourceImage}\"", result.ExitCode, result.StderrTail);
        }
    }

    internal static string FilterGraph(IReadOnlyList<CropRequest> crops)
    {
        var left = Math.Max(0, -crops.Min(c => c.Source.X));
        var top = Math.Max(0, -crops.Min(c => c.Source.Y));
        var right = crops.Max(c => (long)c.Source.X + c.Source.Width) + left;
        var bottom = crops.Max(c => (long)c.Source.Y + c.Source.Height) + top;
        var graph = new StringBuilder();
        graph.Append("[0:v]")
            .Append($"pad=w='max(iw+{left},{right})':h='max(ih+{top},{bottom})':x={left}:y={top}:color=black,")
            .Append($"split={crops.Count}");
        for (var i = 0; i < crops.Count; i++)
        {
            graph.Append($"[c{i}]");
        }

        for (var i = 0; i < crops.Count; i++)
        {
            var (rect, crop) = (crops[i].Source, crops[i]);
            graph.Append($";[c{i}]crop={rect.Width}:{rect.Height}:{rect.X + left}:{rect.Y + top}:exact=1,")
                .Append($"scale={crop.OutputWidth}:{crop.OutputHeight}:flags=lanczos,setsar=1[o{i}]");
        }

        return graph.ToString();
    }
}
