using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary>
/// <see cref="IFrameExtractor"/> over one ffmpeg process per segment. ffmpeg seeks to the
/// segment (fast seek to the keyframe, then exact trimming), a <c>select</c> expression picks the
/// frames, <c>showinfo</c> reports each picked frame's own timestamp on stderr, and the JPEGs come
/// back on stdout. The picked frames keep their timestamps (no <c>fps</c> filter, which would
/// re-stamp a frame with its tick), so the time written is the decoded frame's true time.
/// A requested working copy is a second output of the same process (the picked frames split,
/// scaled and written as numbered PNGs, renamed to <c>&lt;ms&gt;.png</c> once ffmpeg exits), so
/// frames with working copies are handed out when the segment is done rather than one by one.
/// </summary>
public sealed class FfmpegFrameExtractor(MediaToolLocator locator, MediaProcessRunner runner, MediaToolsOptions options) : IFrameExtractor
{
    /// <summary>
    /// Slack for comparing times in double precision: far below any frame interval, far above
    /// rounding error, and applied identically on both sides of a boundary so adjacent segments
    /// agree on which of them owns a frame.
    /// </summary>
    private const double Epsilon = 1e-6;

    /// <summary>Scene detection compares a frame with the previous one; start this early so a cut on the boundary is seen.</summary>
    private const double ScenePrerollSeconds = 1.0;

    public async IAsyncEnumerable<ExtractedFrame> ExtractAsync(FrameExtractionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.JpegQuality, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.JpegQuality, 31);
        MediaInput.EnsureLocalFileExists(request.Source);
        Directory.CreateDirectory(request.OutputFolder);

        var frames = Channel.CreateUnbounded<ExtractedFrame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = RunAsync(request, frames.Writer, stop.Token);
        try
        {
            while (await frames.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (frames.Reader.TryRead(out var frame))
                {
                    yield return frame;
                }
            }

            await run.ConfigureAwait(false);
        }
        finally
        {
            if (!run.IsCompleted)
            {
                // The caller stopped early: stop the decoder too.
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await run.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Expected: we asked it to stop.
                }
            }
        }
    }

    private async Task RunAsync(FrameExtractionRequest request, ChannelWriter<ExtractedFrame> frames, CancellationToken cancellationToken)
    {
        try
        {
            var segment = request.Segment;
            var seek = request.Sampling.Mode == FrameSamplingMode.SceneChange
                ? Math.Max(0, segment.StartSeconds - ScenePrerollSeconds)
                : segment.StartSeconds;
            var parser = new ShowInfoParser();
            var picked = Channel.CreateUnbounded<ShowInfoFrame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var arguments = Arguments(request, seek, options.DecoderThreads);
            var written = new HashSet<long>();
            string? truncation = null;
            var deferred = request.WorkingCopy is null ? null : new List<(ExtractedFrame Frame, string Numbered)>();
            var picture = -1;

            async Task ReadJpegsAsync(Stream stdout, CancellationToken token)
            {
                var splitter = new JpegStreamSplitter(stdout);
                while (await splitter.ReadNextAsync(token).ConfigureAwait(false) is { } jpeg)
                {
                    // showinfo logs a frame before the encoder sees it, so its line is already on the way.
                    var info = await picked.Reader.ReadAsync(token).ConfigureAwait(false);
                    picture++;
                    var time = Math.Round(seek + parser.ToSeconds(info.Pts), 6);
                    var milliseconds = (long)Math.Round(time * 1000);

                    // Two picked frames within one millisecond show the same picture; one file is enough.
                    if (!written.Add(milliseconds))
                    {
                        continue;
                    }

                    var path = Path.Combine(request.OutputFolder, milliseconds.ToString(CultureInfo.InvariantCulture) + ".jpg");
                    var partial = path + ".part";
                    await File.WriteAllBytesAsync(partial, jpeg, token).ConfigureAwait(false);
                    File.Move(partial, path, overwrite: true);
                    if (deferred is null)
                    {
                        await frames.WriteAsync(new ExtractedFrame(time, path, info.Width, info.Height), token).ConfigureAwait(false);
                    }
                    else
                    {
                        var working = Path.Combine(request.OutputFolder, milliseconds.ToString(CultureInfo.InvariantCulture) + ".png");
                        deferred.Add((new ExtractedFrame(time, path, info.Width, info.Height, working), NumberedWorkingCopy(request, picture)));
                    }
                }
            }

            var result = await runner.RunAsync(
                new MediaProcessRequest("ffmpeg", locator.Ffmpeg, arguments, options.ExtractionTimeout, options.MaxExtractionBytes)
                {
                    ReadStdout = ReadJpegsAsync,
                    StderrLine = line =>
                    {
                        if (parser.Parse(line) is { } frame)
                        {
                            picked.Writer.TryWrite(frame);
                        }
                        else if (line.Contains("partial file", StringComparison.Ordinal))
                        {
                            // The demuxer hit the end of the data it was promised: ffmpeg still
                            // exits 0, but the segment is incomplete.
                            truncation ??= line;
                        }
                    },
                },
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw FailureClassifier.Classify("ffmpeg", request.Source, "decoding frames", result.ExitCode, result.StderrTail);
            }

            if (truncation is not null)
            {
                throw CorruptVideoException.For(request.Source, "the file ends before the segment does (an incomplete upload?)", truncation);
            }

            foreach (var (frame, numbered) in deferred ?? [])
            {
                if (!File.Exists(numbered))
                {
                    throw MediaProcessFailedException.For("ffmpeg", $"writing the working copy of the frame at {FilterNumber.Format(frame.TimeSeconds)} s of \"{request.Source}\" (no {numbered})", result.ExitCode, result.StderrTail);
                }

                File.Move(numbered, frame.WorkingCopyPath!, overwrite: true);
                await frames.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            frames.TryComplete();
        }
    }

    private static List<string> Arguments(FrameExtractionRequest request, double seek, int? decoderThreads)
    {
        var segment = request.Segment;
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info" };
        if (decoderThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(MediaToolsOptions.DecoderThreads));
            arguments.AddRange(["-threads", threads.ToString(CultureInfo.InvariantCulture)]);
        }

        if (seek > 0)
        {
            // Before -i: jump to the keyframe, then ffmpeg drops frames up to the exact time and
            // shifts timestamps so that t = 0 is `seek`.
            arguments.AddRange(["-ss", FilterNumber.Format(seek)]);
        }

        if (request.ReferenceFramesOnly)
        {
            // A decoder option, so before -i: non-reference frames are dropped before decoding.
            arguments.AddRange(["-skip_frame", "noref"]);
        }

        // Reading stops a little after the end; the select expression makes the exact cut.
        arguments.AddRange(["-t", FilterNumber.Format(segment.EndSeconds - seek + 0.5)]);
        arguments.AddRange(["-i", MediaInput.ToArgument(request.Source)]);
        var pick = $"select='{SelectExpression(request.Sampling, segment, seek)}',showinfo";
        if (request.WorkingCopy is { } size)
        {
            // One decode, two outputs: the picked frames are split, and one branch is scaled for
            // the working copies (area averaging, as the thumbnailer does).
            var scale = size.KeepAspect
                ? $"scale=w={size.Width}:h={size.Height}:force_original_aspect_ratio=decrease:flags=area"
                : $"scale={size.Width}:{size.Height}:flags=area";
            arguments.AddRange(["-filter_complex", $"[0:v:0]{pick},split=2[frames][small];[small]{scale}[working]", "-map", "[frames]"]);
        }
        else
        {
            arguments.AddRange(["-map", "0:v:0", "-an", "-sn", "-dn", "-vf", pick]);
        }

        // -vsync rather than its successor -fps_mode: the static ffmpeg in the Lambda layer predates
        // -fps_mode, and Debian's 5.1 still accepts -vsync (with a deprecation notice on stderr).
        arguments.AddRange(["-vsync", "passthrough", "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", FilterNumber.Format(request.JpegQuality), "-"]);
        if (request.WorkingCopy is not null)
        {
            Directory.CreateDirectory(WorkingFolder(request));
            var pattern = Path.GetFullPath(WorkingFolder(request)).Replace("%", "%%", StringComparison.Ordinal) + Path.DirectorySeparatorChar + "%06d.png";
            arguments.AddRange(["-map", "[working]", "-f", "image2", .. WorkingCopyPngOutput, "-start_number", "0", "file:" + pattern]);
        }

        return arguments;
    }

    /// <summary>
    /// Working copies are stored PNGs (deflate level 0, no row filter): deflating them was about a
    /// third of the CPU ffmpeg spent on a segment, and every reader inflates them again. The pixels
    /// are the same as with compression (PNG is lossless); the files are about twice as large, and
    /// working copies are downscaled scratch images for the frame filters and the detector, never outputs.
    /// </summary>
    internal static readonly string[] WorkingCopyPngOutput = ["-c:v", "png", "-pred", "none", "-compression_level", "0"];

    private static string WorkingFolder(FrameExtractionRequest request) => Path.Combine(request.OutputFolder, "working");

    /// <summary>The image2 muxer numbers its files by picture (from 0), in the order the JPEGs arrive.</summary>
    private static string NumberedWorkingCopy(FrameExtractionRequest request, int picture) =>
        Path.Combine(WorkingFolder(request), picture.ToString("000000", CultureInfo.InvariantCulture) + ".png");

    /// <summary>
    /// Frame time in the source is <c>t + seek</c>. A frame belongs to the segment when
    /// start ≤ time &lt; end (both shifted by the same epsilon).
    /// </summary>
    internal static string SelectExpression(FrameSampling sampling, TimeRange segment, double seek)
    {
        var o = FilterNumber.Format(seek);
        var e = FilterNumber.Format(Epsilon);
        var inSegment = $"gte(t+{o},{FilterNumber.Format(segment.StartSeconds)}-{e})*lt(t+{o},{FilterNumber.Format(segment.EndSeconds)}-{e})";
        if (sampling.Mode == FrameSamplingMode.FixedRate)
        {
            // Tick k covers [start + k/fps, start + (k+1)/fps); keep the first frame of each.
            var rel = FilterNumber.Format(seek - segment.StartSeconds);
            var fps = FilterNumber.Format(sampling.FramesPerSecond);
            string Tick(string time) => $"floor(({time}+{rel})*{fps}+{e})";
            return $"{inSegment}*(isnan(prev_selected_t)+gt({Tick("t")},{Tick("prev_selected_t")}))";
        }

        var threshold = FilterNumber.Format(sampling.SceneThreshold);
        var spacing = FilterNumber.Format(sampling.MinSpacingSeconds);
        return $"{inSegment}*gt(scene,{threshold})*(isnan(prev_selected_t)+gte(t-prev_selected_t,{spacing}-{e}))";
    }
}
