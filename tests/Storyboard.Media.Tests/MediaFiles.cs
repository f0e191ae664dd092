using System.Globalization;
using System.Text;
using Storyboard.Media;

namespace Storyboard.Media.Tests;

/// <summary>
/// Every input the media tests need, generated once per test run with ffmpeg's lavfi sources
/// into a temporary folder (tiny frames, short clips) and deleted afterwards.
/// </summary>
public sealed class MediaFiles : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "storyboard-media-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public FfmpegMedia Media { get; } = new();

    /// <summary>testsrc2 160x120, 25 fps, 4 s, a keyframe every second.</summary>
    public string Normal => Path.Combine(Folder, "normal.mp4");

    /// <summary>The normal clip with a display matrix that turns it a quarter turn.</summary>
    public string Rotated => Path.Combine(Folder, "rotated.mp4");

    /// <summary>Frames at irregular times: N*100 ms + 37 ms * ((N*N) mod 7), 6 s.</summary>
    public string VariableRate => Path.Combine(Folder, "vfr.mp4");

    /// <summary>MPEG-TS, whose timestamps start at 1.4 s rather than zero; 10 fps, 4 s.</summary>
    public string OffsetStart => Path.Combine(Folder, "offset-start.ts");

    public string OneFrame => Path.Combine(Folder, "one-frame.mp4");

    /// <summary>Red, blue, green for 40 frames each at 25 fps: scene cuts at exactly 1.6 and 3.2 s.</summary>
    public string Scenes => Path.Combine(Folder, "scenes.mp4");

    public string AudioOnly => Path.Combine(Folder, "audio.m4a");

    public string Empty => Path.Combine(Folder, "empty.mp4");

    /// <summary>The first half of an MP4 whose index (moov) is at the end.</summary>
    public string Truncated => Path.Combine(Folder, "truncated.mp4");

    /// <summary>The first half of an MP4 whose index is at the front: headers promise 4 s, data holds about 2 s.</summary>
    public string TruncatedFastStart => Path.Combine(Folder, "truncated-faststart.mp4");

    private string FastStart => Path.Combine(Folder, "faststart.mp4");

    public string TextNamedMp4 => Path.Combine(Folder, "notes.mp4");

    public string PngNamedMp4 => Path.Combine(Folder, "picture.mp4");

    public string OddName => Path.Combine(Folder, "my clip 100% ünïcødé 日本.mp4");

    /// <summary>Three hours of 16x16 frames at 1 fps.</summary>
    public string ThreeHours => Path.Combine(Folder, "three-hours.mp4");

    /// <summary>
    /// 160x120, 25 fps, 4 s, in the fixed pattern I B B P B B P …: two B-frames between references
    /// and none of them referenced, so frame n is a non-reference frame unless n is a multiple of 3.
    /// </summary>
    public string BFrames => Path.Combine(Folder, "b-frames.mp4");

    /// <summary>One colour, #3366CC, 64x48, 1 s.</summary>
    public string BlueClip => Path.Combine(Folder, "blue.mp4");

    /// <summary>Left half pure red, right half pure blue, 200x100.</summary>
    public string RedBlue => Path.Combine(Folder, "red-blue.png");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var x264 = new[] { "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p" };
        await Task.WhenAll(
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=4", .. x264, "-g", "25", Normal]),
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=10:d=6", "-vf", "settb=1/1000,setpts='N*100+37*mod(N*N,7)'",
                "-fps_mode", "passthrough", "-enc_time_base", "1:1000", .. x264, "-bf", "0", "-video_track_timescale", "1000", VariableRate]),
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=25", "-frames:v", "1", .. x264, OneFrame]),
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=4", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-bf", "2", "-g", "250", "-x264-params", "b-adapt=0:b-pyramid=none:scenecut=0", BFrames]),
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=10:d=4", .. x264, "-g", "10", OffsetStart]),
            Ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=4", .. x264, "-movflags", "+faststart", FastStart]),
            Ffmpeg(["-f", "lavfi", "-i", "color=c=red:s=64x48:r=25:d=1.6", "-f", "lavfi", "-i", "color=c=blue:s=64x48:r=25:d=1.6",
                "-f", "lavfi", "-i", "color=c=green:s=64x48:r=25:d=1.6", "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0", .. x264, Scenes]),
            Ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", AudioOnly]),
            Ffmpeg(["-f", "lavfi", "-i", "color=c=gray:s=16x16:r=1:d=10800", .. x264, ThreeHours]),
            Ffmpeg(["-f", "lavfi", "-i", "color=c=0x3366CC:s=64x48:r=25:d=1", .. x264, BlueClip]),
            Ffmpeg(["-f", "lavfi", "-i", "color=c=red:s=100x100,format=rgb24", "-f", "lavfi", "-i", "color=c=blue:s=100x100,format=rgb24",
                "-filter_complex", "[0:v][1:v]hstack", "-frames:v", "1", "-c:v", "png", "-f", "image2", "-update", "1", RedBlue]),
            Ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=32x32", "-frames:v", "1", "-c:v", "png", "-f", "image2", PngNamedMp4]));
        await Ffmpeg(["-i", Normal, "-c", "copy", "-metadata:s:v", "rotate=90", Rotated]);
        File.Copy(Normal, OddName);
        await File.WriteAllBytesAsync(Empty, []);
        var whole = await File.ReadAllBytesAsync(Normal);
        await File.WriteAllBytesAsync(Truncated, whole[..(whole.Length / 2)]);
        var fastStart = await File.ReadAllBytesAsync(FastStart);
        await File.WriteAllBytesAsync(TruncatedFastStart, fastStart[..(fastStart.Length / 2)]);
        await File.WriteAllTextAsync(TextNamedMp4, "Meeting notes\nThis is not a video, just text saved with the wrong name.\n", Encoding.UTF8);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    public string NewFolder(string name)
    {
        var folder = Path.Combine(Folder, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Every frame's presentation time as ffprobe reports it: the ground truth for sampling.</summary>
    public async Task<IReadOnlyList<double>> FrameTimesAsync(string video)
    {
        var result = await Media.Runner.RunAsync(
            new MediaProcessRequest("ffprobe", Media.Locator.Ffprobe,
                ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "csv=p=0", video],
                TimeSpan.FromSeconds(60), 1 << 20),
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        return Encoding.UTF8.GetString(result.Stdout.Span)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => double.Parse(l.TrimEnd(','), CultureInfo.InvariantCulture))
            .Order()
            .ToList();
    }

    private async Task Ffmpeg(string[] arguments)
    {
        var result = await Media.Runner.RunAsync(
            new MediaProcessRequest("ffmpeg", Media.Locator.Ffmpeg, ["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments], TimeSpan.FromSeconds(120), 0),
            CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.StderrTail);
    }
}
