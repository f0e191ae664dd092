using System.Diagnostics;
using System.Globalization;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision;

namespace Storyboard.Benchmarks;

/// <summary>
/// Time for the offline character detector to search one 720p frame, against two baselines in
/// the same run: ffmpeg decoding that frame to raw RGB, and one full-frame pass of the local
/// image descriptor. Also the detector on a 640x360 copy of the frame, the size the workflow's
/// DetectCharacters step feeds it, against ffmpeg decoding that copy.
/// </summary>
internal sealed class DetectorBenchmark : IBenchmark
{
    private const string Stamps = "/usr/share/tuxpaint/stamps/animals/";
    private const string Photo = "/usr/share/backgrounds/mate/nature/Garden.jpg";

    public string Name => "detector";

    public string Description => "reference-image character detector per 1280x720 frame vs ffmpeg decode and descriptor";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dino = Stamps + "dinosaur/cartoon/dinosaurSings.png";
        var teddy = Stamps + "mammals/bears/cartoon/teddy_bear.png";
        var edward = Stamps + "mammals/bears/toys/edward_bear.png";
        if (!File.Exists(dino) || !File.Exists(teddy) || !File.Exists(edward) || !File.Exists(Photo))
        {
            return new BenchmarkReport(Name, [("missing", "apt-get install -y tuxpaint-stamps-default mate-backgrounds")], "< 0.5 s per frame", false);
        }

        // Two characters and a look-alike over a photograph, as one H.264-decoded PNG frame.
        var framePng = Path.Combine(options.WorkDirectory, "detector-frame.png");
        await RunFfmpegAsync(
            ["-loop", "1", "-i", Photo, "-i", dino, "-i", teddy, "-i", edward, "-filter_complex",
            "[0]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720[bg];[1]scale=-1:300[d];[2]scale=-1:420,hflip[t];[3]scale=-1:260[e];" +
            "[bg][d]overlay=150:350[a];[a][t]overlay=700:200[b];[b][e]overlay=450:80", "-frames:v", "1", "-y", framePng],
            cancellationToken);
        var frame = new RgbImage(1280, 720, await RunFfmpegAsync(["-i", framePng, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], cancellationToken));
        var workingPng = Path.Combine(options.WorkDirectory, "detector-working.png");
        await RunFfmpegAsync(["-i", framePng, "-vf", "scale=640:360", "-y", workingPng], cancellationToken);
        var working = new RgbImage(640, 360, await RunFfmpegAsync(["-i", workingPng, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], cancellationToken));

        var references = new List<CharacterReferenceImage>
        {
            new("Dino", "dino.png", await File.ReadAllBytesAsync(dino, cancellationToken)),
            new("Teddy", "teddy.png", await File.ReadAllBytesAsync(teddy, cancellationToken)),
        };
        var index = await new LocalCharacterReferenceIndexBuilder().BuildAsync(references, cancellationToken);
        var detector = new ReferenceCharacterDetector();
        var descriptor = new LocalImageDescriptor();
        var runs = options.Quick ? 3 : 15;

        // Warm-up, then medians: enough calls that tiered compilation has finished (its
        // background compiling would otherwise count as the detector's CPU time).
        var detections = await detector.DetectAsync(frame, index, cancellationToken);
        var workingDetections = await detector.DetectAsync(working, index, cancellationToken);
        for (var i = 0; i < 5; i++)
        {
            await detector.DetectAsync(frame, index, cancellationToken);
            await detector.DetectAsync(working, index, cancellationToken);
        }

        await Task.Delay(500, cancellationToken);
        descriptor.Embed(frame);
        await RunFfmpegAsync(["-i", framePng, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], cancellationToken);

        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var detect = await Timing.MedianAsync(runs, async () => await detector.DetectAsync(frame, index, cancellationToken));
        var detectCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / runs;
        var decode = await Timing.MedianAsync(runs, async () => await RunFfmpegAsync(["-i", framePng, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], cancellationToken));
        var embed = await Timing.MedianAsync(runs, () => Task.FromResult(descriptor.Embed(frame)));

        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var detectSmall = await Timing.MedianAsync(runs, async () => await detector.DetectAsync(working, index, cancellationToken));
        var detectSmallCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / runs;
        var decodeSmall = await Timing.MedianAsync(runs, async () => await RunFfmpegAsync(["-i", workingPng, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], cancellationToken));
        return new BenchmarkReport(
            Name,
            [
                ("runs (median of)", runs.ToString(CultureInfo.InvariantCulture)),
                ("detector ms/frame (wall, median)", Timing.Ms(detect)),
                ("detector CPU ms/frame (mean)", Timing.Ms(detectCpu)),
                ("baseline: ffmpeg PNG -> raw RGB ms", Timing.Ms(decode)),
                ("baseline: descriptor full frame ms", Timing.Ms(embed)),
                ("detector / ffmpeg decode", (detect / decode).ToString("F2", CultureInfo.InvariantCulture) + "x"),
                ("detector / descriptor", (detect / embed).ToString("F1", CultureInfo.InvariantCulture) + "x"),
                ("detections", Found(detections)),
                ("640x360: detector ms/frame (wall, median)", Timing.Ms(detectSmall)),
                ("640x360: detector CPU ms/frame (mean)", Timing.Ms(detectSmallCpu)),
                ("640x360: baseline ffmpeg PNG -> raw RGB ms", Timing.Ms(decodeSmall)),
                ("640x360: detector / ffmpeg decode", (detectSmall / decodeSmall).ToString("F2", CultureInfo.InvariantCulture) + "x"),
                ("640x360: detections", Found(workingDetections)),
            ],
            "< 0.5 s CPU per 1280x720 frame (single-threaded)",
            detectCpu < 0.5);
    }

    private static string Found(IReadOnlyList<CharacterDetection> detections) =>
        detections.Count == 0 ? "none" : string.Join(", ", detections.Select(d => d.Character + " " + d.Confidence.ToString("F2", CultureInfo.InvariantCulture)));

    /// <summary>Single-threaded, like the detector it is compared with.</summary>
    private static Task<byte[]> RunFfmpegAsync(string[] args, CancellationToken cancellationToken) =>
        FfmpegOutput.RunAsync(["-threads", "1", .. args], cancellationToken);
}
