using System.Diagnostics;
using System.Globalization;
using Storyboard.Core.Media;
using Storyboard.Media;

namespace Storyboard.Benchmarks;

/// <summary>
/// Sampling a clip at 1 fps through the media adapter (one ffmpeg per 60 s segment, as the
/// workflow does, keeping each frame's true timestamp) against one plain
/// <c>ffmpeg -i clip -vf fps=1 out/%06d.jpg</c> on the same clip with the same JPEG quality.
/// </summary>
internal sealed class FrameSamplingBenchmark : IBenchmark
{
    private const int JpegQuality = 3;
    private const double SegmentSeconds = 60;
    private const int Repetitions = 3;

    public string Name => "frame-sampling";

    public string Description => "1 fps JPEG sampling of a 720p clip: media adapter (60 s segments) vs plain ffmpeg fps=1";

    public async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var media = new FfmpegMedia();
        var minutes = options.Quick ? 1 : 10;
        var clip = Path.Combine(options.WorkDirectory, $"frame-sampling-{minutes}min-720p.mp4");
        await Ffmpeg(media, ["-f", "lavfi", "-i", $"testsrc2=s=1280x720:r=25:d={minutes * 60}", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip], cancellationToken);
        var video = await media.Probe.ProbeAsync(clip, cancellationToken);
        var segments = Segments(video.DurationSeconds);

        var plain = new List<double>();
        var sequential = new List<double>();
        var concurrent = new List<double>();
        int plainFrames = 0, adapterFrames = 0;
        for (var run = 0; run < Repetitions; run++)
        {
            var folder = Fresh(options.WorkDirectory, "plain");
            plain.Add(await Time(() => Ffmpeg(media, ["-i", clip, "-vf", "fps=1", "-q:v", Format(JpegQuality), Path.Combine(folder, "%06d.jpg")], cancellationToken)));
            plainFrames = Directory.GetFiles(folder).Length;

            folder = Fresh(options.WorkDirectory, "sequential");
            sequential.Add(await Time(async () =>
            {
                foreach (var segment in segments)
                {
                    await Extract(media, clip, segment, folder, cancellationToken);
                }
            }));
            adapterFrames = Directory.GetFiles(folder, "*.jpg", SearchOption.AllDirectories).Length;

            folder = Fresh(options.WorkDirectory, "concurrent");
            concurrent.Add(await Time(() => Parallel.ForEachAsync(
                segments,
                new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
                async (segment, token) => await Extract(media, clip, segment, folder, token))));
        }

        var (plainMedian, sequentialMedian, concurrentMedian) = (Median(plain), Median(sequential), Median(concurrent));
        var ratio = sequentialMedian / plainMedian;
        return new BenchmarkReport(
            Name,
            [
                ("clip", $"{minutes} min 1280x720 25 fps h264, {segments.Count} segments of {SegmentSeconds:0} s"),
                ("frames written (plain / adapter)", $"{plainFrames} / {adapterFrames}"),
                ($"plain ffmpeg fps=1, median of {Repetitions} (s)", Format(plainMedian)),
                ($"adapter sequential, median of {Repetitions} (s)", Format(sequentialMedian)),
                ($"adapter 2 segments at a time, median of {Repetitions} (s)", Format(concurrentMedian)),
                ("ratio adapter sequential / plain", Format(ratio)),
                ("ratio adapter 2-concurrent / plain", Format(concurrentMedian / plainMedian)),
                ("all runs plain / sequential / concurrent (s)", $"{string.Join(" ", plain.Select(Format))} / {string.Join(" ", sequential.Select(Format))} / {string.Join(" ", concurrent.Select(Format))}"),
            ],
            "adapter (sequential segments) / plain ffmpeg <= 1.2",
            ratio <= 1.2);
    }

    private static List<TimeRange> Segments(double duration)
    {
        var segments = new List<TimeRange>();
        for (var start = 0.0; start < duration; start += SegmentSeconds)
        {
            segments.Add(new TimeRange(start, Math.Min(start + SegmentSeconds, duration)));
        }

        return segments;
    }

    private static async Task Extract(FfmpegMedia media, string clip, TimeRange segment, string folder, CancellationToken cancellationToken)
    {
        var output = Path.Combine(folder, Format(segment.StartSeconds));
        var request = new FrameExtractionRequest(clip, segment, FrameSampling.FixedRate(1), output, JpegQuality);
        await foreach (var _ in media.Frames.ExtractAsync(request, cancellationToken))
        {
        }
    }

    private static async Task Ffmpeg(FfmpegMedia media, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await media.Runner.RunAsync(
            new MediaProcessRequest("ffmpeg", media.Locator.Ffmpeg, ["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments], TimeSpan.FromHours(1), 0),
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + result.StderrTail);
        }
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static string Fresh(string work, string name)
    {
        var folder = Path.Combine(work, "frame-sampling-" + name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
