using System.Globalization;
using Storyboard.Core.Vision;
using Storyboard.Core.Imaging;

namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>
/// A 20 s, 640x360, 25 fps H.264 clip made with ffmpeg: two real photographs as backgrounds (the
/// scene changes at 5 s), Dino and Teddy (tuxpaint stamps, cropped to their opaque pixels) moving
/// and growing along straight lines, and a black first second. The same track table drives the
/// clip and <see cref="Truth"/>, so the expected box of each character is known at every instant.
/// </summary>
internal sealed class TwoCharacterClip
{
    public const int Width = 640;
    public const int Height = 360;
    public const double Seconds = 20;
    public const double BlackUntil = 1;

    private static readonly Track[] Tracks =
    [
        new("Dino", H0: 150, H1: 210, X0: 30, X1: 150, Y0: 170, Y1: 130),
        new("Teddy", H0: 190, H1: 150, X0: 470, X1: 400, Y0: 150, Y1: 200),
    ];

    private readonly Dictionary<string, double> aspect = new(StringComparer.Ordinal);

    private TwoCharacterClip(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string VideoPath => Path.Combine(Folder, "clip.mp4");

    /// <summary>The reference image of each character (the sprite, cropped to its opaque pixels).</summary>
    public IReadOnlyDictionary<string, string> References => Tracks.ToDictionary(t => t.Name, t => Path.Combine(Folder, t.Name.ToLowerInvariant() + ".png"));

    /// <summary>A plain clip of the backgrounds only: nothing to find.</summary>
    public static async Task<string> MakeEmptyAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "empty.mp4");
        await Ffmpeg.RunAsync(
            "-loop", "1", "-framerate", "25", "-i", DebianAssets.Garden,
            "-vf", $"scale={Width}:{Height}:force_original_aspect_ratio=increase,crop={Width}:{Height},setsar=1",
            "-t", "10", "-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-crf", "24", "-pix_fmt", "yuv420p", path);
        return path;
    }

    public static async Task<TwoCharacterClip> MakeAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var clip = new TwoCharacterClip(folder);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["Dino"] = DebianAssets.Dino, ["Teddy"] = DebianAssets.Teddy };
        foreach (var track in Tracks)
        {
            var (x, y, w, h) = OpaqueExtent(sources[track.Name]);
            clip.aspect[track.Name] = (double)w / h;
            await Ffmpeg.RunAsync("-i", sources[track.Name], "-vf", F($"crop={w}:{h}:{x}:{y},format=rgba"), clip.References[track.Name]);
        }

        var args = new List<string> { "-loop", "1", "-framerate", "25", "-i", DebianAssets.Garden, "-loop", "1", "-framerate", "25", "-i", DebianAssets.Meadow };
        var fit = $"scale={Width}:{Height}:force_original_aspect_ratio=increase,crop={Width}:{Height},setsar=1";
        var graph = $"[0]{fit}[a];[1]{fit}[b];[a][b]overlay=enable='gte(t,10)'[v0]";
        for (var i = 0; i < Tracks.Length; i++)
        {
            var t = Tracks[i];
            args.AddRange(["-loop", "1", "-framerate", "25", "-i", clip.References[t.Name]]);
            graph += F($";[{i + 2}]scale=w=-1:h='{t.H0}+({t.H1 - t.H0})*t/{Seconds}':eval=frame[s{i}]");
            graph += F($";[v{i}][s{i}]overlay=x='{t.X0}+({t.X1 - t.X0})*t/{Seconds}':y='{t.Y0}+({t.Y1 - t.Y0})*t/{Seconds}':eval=frame[v{i + 1}]");
        }

        graph += F($";[v{Tracks.Length}]drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='lt(t,{BlackUntil})'[v]");
        await Ffmpeg.RunAsync([.. args, "-filter_complex", graph, "-map", "[v]", "-t", F($"{Seconds}"), "-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", clip.VideoPath]);
        return clip;
    }

    /// <summary>Where <paramref name="character"/> is at <paramref name="timeSeconds"/>, as ratios of the frame.</summary>
    public RelativeBox Truth(string character, double timeSeconds)
    {
        var t = Tracks.Single(x => x.Name == character);
        var u = timeSeconds / Seconds;
        var h = t.H0 + ((t.H1 - t.H0) * u);
        var w = h * aspect[character];
        var x = t.X0 + ((t.X1 - t.X0) * u);
        var y = t.Y0 + ((t.Y1 - t.Y0) * u);
        return new RelativeBox(x / Width, y / Height, w / Width, h / Height).ClampToFrame();
    }

    private static (int X, int Y, int W, int H) OpaqueExtent(string png)
    {
        var image = PngDecoder.Decode(File.ReadAllBytes(png));
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.Pixels[(((y * image.Width) + x) * 4) + 3] >= 128)
                {
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        return (minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Track(string Name, double H0, double H1, double X0, double X1, double Y0, double Y1);
}
