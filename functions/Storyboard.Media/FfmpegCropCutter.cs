using System.Text;
using Storyboard.Core.Cropping;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary>
/// <see cref="ICropCutter"/> in one ffmpeg call: the frame is decoded once, padded with black so
/// rectangles reaching past the edges stay exact, split N ways, and each branch is cropped,
/// scaled (<see cref="CropPlan.ScaleFlags"/>) and written as PNG. Several frames go through one call the same way, each
/// input with its own graph.
/// </summary>
public sealed class FfmpegCropCutter(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options) : ICropCutter
{
    /// <summary>
    /// Images per ffmpeg call in <see cref="CutManyAsync"/>: enough to make the process start-up
    /// negligible, few enough that one bad image fails a small batch and the command line stays short.
    /// </summary>
    public const int ImagesPerCall = 32;

    /// <summary>
    /// PNG with the "up" row filter and light deflate: on frames of cartoons over photographs this
    /// encodes about twice as fast as ffmpeg's defaults and the files come out about a third
    /// smaller (the pixels are the same: PNG is lossless).
    /// </summary>
    internal static readonly string[] PngOutput = ["-c:v", "png", "-pred", "up", "-compression_level", "1"];

    public Task CutAsync(string sourceImage, IReadOnlyList<CropRequest> crops, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceImage);
        ArgumentNullException.ThrowIfNull(crops);
        return CutManyAsync([new CropSource(sourceImage, crops)], cancellationToken);
    }

    /// <summary>All images of a batch in one ffmpeg call (<see cref="ImagesPerCall"/> at most), each input with its own filter graph.</summary>
    public async Task CutManyAsync(IReadOnlyList<CropSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentException.ThrowIfNullOrWhiteSpace(source.SourceImage);
            ArgumentNullException.ThrowIfNull(source.Crops);
            ArgumentOutOfRangeException.ThrowIfZero(source.Crops.Count);
            foreach (var crop in source.Crops)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(crop.OutputWidth);
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(crop.OutputHeight);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(crop.OutputPath))!);
            }

            MediaInput.EnsureLocalFileExists(source.SourceImage);
        }

        foreach (var batch in sources.Chunk(ImagesPerCall))
        {
            await CutBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CutBatchAsync(CropSource[] batch, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y" };
        foreach (var source in batch)
        {
            // image2 without patterns, so '%' in a file name is just a character.
            arguments.AddRange(["-f", "image2", "-pattern_type", "none", "-i", MediaInput.ToArgument(source.SourceImage)]);
        }

        arguments.AddRange(["-filter_complex", string.Join(";", batch.Select((source, k) => FilterGraph(source.Crops, k)))]);
        for (var k = 0; k < batch.Length; k++)
        {
            for (var i = 0; i < batch[k].Crops.Count; i++)
            {
                arguments.AddRange(["-map", $"[o{k}_{i}]", "-frames:v", "1", .. PngOutput, "-f", "image2", "-update", "1", MediaInput.ToOutputArgument(batch[k].Crops[i].OutputPath)]);
            }
        }

        var result = await runner.RunAsync(
            new MediaProcessRequest("ffmpeg", locator.Ffmpeg, arguments, options.ImageTimeout, 0),
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var what = batch.Length == 1
                ? $"cutting {batch[0].Crops.Count} crops from \"{batch[0].SourceImage}\""
                : $"cutting {batch.Sum(b => b.Crops.Count)} crops from {batch.Length} images (\"{batch[0].SourceImage}\" …)";
            throw MediaProcessFailedException.For("ffmpeg", what, result.ExitCode, result.StderrTail);
        }
    }

    /// <summary>The graph for input <paramref name="input"/>: padded with black, split, each branch cropped and scaled to <c>[o&lt;input&gt;_&lt;i&gt;]</c>.</summary>
    internal static string FilterGraph(IReadOnlyList<CropRequest> crops, int input)
    {
        var left = Math.Max(0, -crops.Min(c => c.Source.X));
        var top = Math.Max(0, -crops.Min(c => c.Source.Y));
        var right = crops.Max(c => (long)c.Source.X + c.Source.Width) + left;
        var bottom = crops.Max(c => (long)c.Source.Y + c.Source.Height) + top;
        var graph = new StringBuilder();
        graph.Append($"[{input}:v]")
            .Append($"pad=w='max(iw+{left},{right})':h='max(ih+{top},{bottom})':x={left}:y={top}:color=black,")
            .Append($"split={crops.Count}");
        for (var i = 0; i < crops.Count; i++)
        {
            graph.Append($"[c{input}_{i}]");
        }

        for (var i = 0; i < crops.Count; i++)
        {
            var (rect, crop) = (crops[i].Source, crops[i]);
            graph.Append($";[c{input}_{i}]crop={rect.Width}:{rect.Height}:{rect.X + left}:{rect.Y + top}:exact=1,")
                .Append($"scale={crop.OutputWidth}:{crop.OutputHeight}:flags={CropPlan.ScaleFlags},setsar=1[o{input}_{i}]");
        }

        return graph.ToString();
    }
}
