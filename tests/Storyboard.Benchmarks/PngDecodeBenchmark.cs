using System.Diagnostics;
using System.Globalization;
using Storyboard.Core.Imaging;

namespace Storyboard.Benchmarks;

/// <summary>
/// Core's PNG decoder on the two kinds of PNG a run reads back, a 640x360 frame working copy
/// (stored, no row filter) and a 512x682 crop (the "up" filter, light deflate): the direct RGB
/// path the steps use against the general path (RGBA, then composited to RGB) in the same run.
/// </summary>
internal sealed class PngDecodeBenchmark : IBenchmark
{
    public string Name => "png-decode";

    public string Description => "in-process PNG decode of a frame working copy and a crop: direct RGB vs RGBA then RGB";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var working = await FfmpegOutput.RunAsync(["-f", "lavfi", "-i", "testsrc2=s=640x360:r=1", "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "png", "-pred", "none", "-compression_level", "0", "-f", "image2pipe", "-"], cancellationToken);
        var crop = await FfmpegOutput.RunAsync(["-f", "lavfi", "-i", "testsrc2=s=512x682:r=1", "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "png", "-pred", "up", "-compression_level", "1", "-f", "image2pipe", "-"], cancellationToken);
        var runs = options.Quick ? 50 : 400;
        var figures = new List<(string, string)> { ("decodes per figure", runs.ToString(CultureInfo.InvariantCulture)) };
        var ratios = new List<double>();
        foreach (var (name, png) in new[] { ("working copy 640x360", working), ("crop 512x682", crop) })
        {
            var direct = CpuMsPerCall(runs, () => PngDecoder.DecodeRgb(png));
            var general = CpuMsPerCall(runs, () => PngDecoder.Decode(png).ToRgb());
            ratios.Add(direct / general);
            figures.Add(($"{name}: direct RGB CPU ms", direct.ToString("F2", CultureInfo.InvariantCulture)));
            figures.Add(($"{name}: baseline RGBA then RGB CPU ms", general.ToString("F2", CultureInfo.InvariantCulture)));
            figures.Add(($"{name}: direct / baseline", (direct / general).ToString("F2", CultureInfo.InvariantCulture)));
        }

        return new BenchmarkReport(Name, figures, "direct RGB decode faster than the general path for both kinds", ratios.All(r => r < 1));
    }

    /// <summary>Process CPU per call after a warm-up: on a shared machine the wall clock mostly measures the neighbours.</summary>
    private static double CpuMsPerCall(int runs, Func<RgbImage> decode)
    {
        for (var i = 0; i < 20; i++)
        {
            decode();
        }

        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            decode();
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / runs;
    }
}
