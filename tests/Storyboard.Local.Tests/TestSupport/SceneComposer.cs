using System.Globalization;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

using Storyboard.Tests.Shared;

namespace Storyboard.Local.Tests.TestSupport;

/// <summary>
/// Composes 1280x720 frames with ffmpeg: a photograph, sprites scaled/flipped/overlaid on it,
/// encoded to H.264 and decoded again (as a real video would be), returned as raw RGB with the
/// true box of every sprite.
/// </summary>
internal static class SceneComposer
{
    public const int Width = 1280;
    public const int Height = 720;

    public static async Task<(RgbImage Frame, IReadOnlyList<RelativeBox> Boxes)> ComposeAsync(string background, params Placement[] sprites)
    {
        var args = new List<string> { "-loop", "1", "-i", background };
        var graph = $"[0]scale={Width}:{Height}:force_original_aspect_ratio=increase,crop={Width}:{Height},setsar=1,format=rgb24[v0]";
        var boxes = new List<RelativeBox>();
        var temporary = new List<string>();
        for (var i = 0; i < sprites.Length; i++)
        {
            var p = sprites[i];
            var sprite = p.Sprite;
            if (p.RotateDegrees != 0)
            {
                // Rotate first onto a canvas that keeps every pixel, so the truth box is the tilted sprite's extent.
                sprite = Path.Combine(Path.GetTempPath(), $"storyboard-local-{Guid.NewGuid():N}.png");
                temporary.Add(sprite);
                var angle = (p.RotateDegrees * Math.PI / 180).ToString("F5", CultureInfo.InvariantCulture);
                await FfmpegRunner.RunAsync("-i", p.Sprite, "-vf", $"format=rgba,rotate={angle}:ow=rotw({angle}):oh=roth({angle}):c=none", "-frames:v", "1", "-y", sprite);
            }

            var (cx, cy, cw, ch) = OpaqueExtent(sprite);
            args.AddRange(["-i", sprite]);
            var width = (int)Math.Round(p.Height * (double)cw / ch / 2) * 2;
            graph += string.Create(CultureInfo.InvariantCulture, $";[{i + 1}]crop={cw}:{ch}:{cx}:{cy},scale={width}:{p.Height}:flags=bicubic{(p.Flip ? ",hflip" : string.Empty)}[s{i}]");
            graph += string.Create(CultureInfo.InvariantCulture, $";[v{i}][s{i}]overlay={p.X}:{p.Y}[v{i + 1}]");
            boxes.Add(new RelativeBox((double)p.X / Width, (double)p.Y / Height, (double)width / Width, (double)p.Height / Height).ClampToFrame());
        }

        // Through H.264 and back, so tests see compression artefacts like real frames do.
        var tmp = Path.Combine(Path.GetTempPath(), $"storyboard-local-{Guid.NewGuid():N}.mp4");
        try
        {
            await FfmpegRunner.RunAsync([.. args, "-filter_complex", graph, "-map", $"[v{sprites.Length}]", "-frames:v", "1", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-y", tmp]);
            var frame = await FfmpegRunner.RawFrameAsync(Width, Height, "-i", tmp);
            return (frame, boxes);
        }
        finally
        {
            File.Delete(tmp);
            temporary.ForEach(File.Delete);
        }
    }

    public static async Task<ICharacterReferenceIndex> IndexAsync(params (string Name, string Path)[] references)
    {
        var images = new List<CharacterReferenceImage>();
        foreach (var (name, path) in references)
        {
            images.Add(new CharacterReferenceImage(name, Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }

        return await new Storyboard.Local.Vision.LocalCharacterReferenceIndexBuilder().BuildAsync(images, CancellationToken.None);
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
}
