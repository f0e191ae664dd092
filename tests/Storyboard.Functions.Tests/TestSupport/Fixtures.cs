using Storyboard.Core.Imaging;

namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>Small inputs made in code or with ffmpeg's lavfi sources.</summary>
internal static class Fixtures
{
    /// <summary>A 64x80 PNG: an orange blob with a dark stripe on a transparent background.</summary>
    public static byte[] ReferencePng()
    {
        const int w = 64, h = 80;
        var pixels = new byte[w * h * 4];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var dx = (x - (w / 2.0)) / (w / 2.0);
                var dy = (y - (h / 2.0)) / (h / 2.0);
                if ((dx * dx) + (dy * dy) > 1)
                {
                    continue;
                }

                var i = ((y * w) + x) * 4;
                var stripe = y is > 30 and < 40;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = stripe ? ((byte)40, (byte)30, (byte)20, (byte)255) : ((byte)240, (byte)140, (byte)30, (byte)255);
            }
        }

        return PngEncoder.Encode(new RgbaImage(w, h, pixels));
    }

    /// <summary>A 10 s, 320x180 test-pattern clip: a real video with no characters in it.</summary>
    public static async Task<string> TestPatternClipAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "pattern.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x180:r=10:d=10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);
        return path;
    }
}
