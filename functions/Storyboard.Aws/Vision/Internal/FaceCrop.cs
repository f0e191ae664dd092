using Storyboard.Core.Vision;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>
/// The part of a frame one face is searched in: the face plus a margin of context on each side
/// (face search models expect some), widened to Rekognition's 80-pixel minimum where the frame
/// allows. Pixels are cut, never resampled, so the search sees the frame's own detail.
/// </summary>
internal static class FaceCrop
{
    /// <returns>Null when the frame itself is smaller than Rekognition accepts.</returns>
    public static PixelBox? For(RelativeBox face, int frameWidth, int frameHeight, double margin)
    {
        if (frameWidth < RekognitionImages.MinSide || frameHeight < RekognitionImages.MinSide)
        {
            return null;
        }

        var grown = new RelativeBox(face.Left - (margin * face.Width), face.Top - (margin * face.Height), face.Width * (1 + (2 * margin)), face.Height * (1 + (2 * margin)));
        if (PixelBox.FromRelative(grown, frameWidth, frameHeight) is not { } box)
        {
            return null;
        }

        var (x, w) = Widen(box.X, box.Width, frameWidth);
        var (y, h) = Widen(box.Y, box.Height, frameHeight);
        return new PixelBox(x, y, w, h);
    }

    /// <summary>The face's box as ratios of the crop.</summary>
    public static RelativeBox FaceWithin(RelativeBox face, PixelBox crop, int frameWidth, int frameHeight) =>
        new(((face.Left * frameWidth) - crop.X) / crop.Width, ((face.Top * frameHeight) - crop.Y) / crop.Height, face.Width * frameWidth / crop.Width, face.Height * frameHeight / crop.Height);

    private static (int Start, int Length) Widen(int start, int length, int limit)
    {
        if (length >= RekognitionImages.MinSide)
        {
            return (start, length);
        }

        var grownStart = start - ((RekognitionImages.MinSide - length) / 2);
        grownStart = Math.Clamp(grownStart, 0, limit - RekognitionImages.MinSide);
        return (grownStart, RekognitionImages.MinSide);
    }
}
