using System.Security.Cryptography;
using Storyboard.Aws.Rekognition;
using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;

namespace Storyboard.Aws.Tests.Vision;

/// <summary>Reference sprites and frames drawn in code: flat-coloured characters, as in animation.</summary>
internal static class VisionFixtures
{
    public static readonly (byte R, byte G, byte B) TuxBody = (20, 30, 140);
    public static readonly (byte R, byte G, byte B) TuxBelly = (240, 160, 20);
    public static readonly (byte R, byte G, byte B) GnuBody = (150, 40, 40);
    public static readonly (byte R, byte G, byte B) GnuHorns = (40, 170, 60);
    public static readonly (byte R, byte G, byte B) Background = (200, 200, 200);

    /// <summary>A character sprite on a transparent background: a body of one colour with a patch of another.</summary>
    public static RgbaImage Sprite((byte R, byte G, byte B) body, (byte R, byte G, byte B) patch, int width = 100, int height = 140)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double dx = (x - (width / 2.0)) / (width / 2.0), dy = (y - (height / 2.0)) / (height / 2.0);
                if ((dx * dx) + (dy * dy) > 1)
                {
                    continue;
                }

                var c = y > height / 3 && Math.Abs(dx) < 0.45 ? patch : body;
                var i = ((y * width) + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (c.R, c.G, c.B, 255);
            }
        }

        return new RgbaImage(width, height, pixels);
    }

    public static CharacterReferenceImage Reference(string character, string file, RgbaImage sprite) =>
        new(character, $"characters/{character}/{file}", PngEncoder.Encode(sprite));

    public static CharacterReferenceImage Tux(string file = "front.png") => Reference("Tux", file, Sprite(TuxBody, TuxBelly));

    public static CharacterReferenceImage Gnu(string file = "front.png") => Reference("Gnu", file, Sprite(GnuBody, GnuHorns));

    /// <summary>The ExternalImageId a reference's faces carry: encoded name, "::", first 32 hex digits of the content's SHA-256.</summary>
    public static string FaceId(CharacterReferenceImage reference) =>
        ExternalImageIds.Encode(reference.Character) + "::" + Convert.ToHexStringLower(SHA256.HashData(reference.Content.Span))[..32];

    /// <summary>A grey frame with the given sprites drawn at the given pixel positions.</summary>
    public static RgbImage Frame(int width, int height, params (RgbaImage Sprite, int X, int Y)[] sprites)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = Background;
        }

        foreach (var (sprite, ox, oy) in sprites)
        {
            for (var y = 0; y < sprite.Height; y++)
            {
                for (var x = 0; x < sprite.Width; x++)
                {
                    var s = ((y * sprite.Width) + x) * 4;
                    if (sprite.Pixels[s + 3] == 0 || ox + x >= width || oy + y >= height)
                    {
                        continue;
                    }

                    var d = (((oy + y) * width) + ox + x) * 3;
                    (pixels[d], pixels[d + 1], pixels[d + 2]) = (sprite.Pixels[s], sprite.Pixels[s + 1], sprite.Pixels[s + 2]);
                }
            }
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Paints a solid rectangle, e.g. a face region a test can recognise in the crop it receives.</summary>
    public static void Fill(RgbImage frame, int x0, int y0, int w, int h, (byte R, byte G, byte B) colour)
    {
        for (var y = y0; y < y0 + h; y++)
        {
            for (var x = x0; x < x0 + w; x++)
            {
                var i = ((y * frame.Width) + x) * 3;
                (frame.Pixels[i], frame.Pixels[i + 1], frame.Pixels[i + 2]) = colour;
            }
        }
    }
}
